package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.HttpCookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.IdentityServer;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.SecurityHeaders;
import se.driftinfo.infra.Staff;

/** Security headers on pages, static files and the API; signing in; pages kept out of the API docs. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class WebSecurityTest {

    static void securityHeaders(ValidatableResponse response) {
        SecurityHeaders.EXPECTED.forEach(response::header);
    }

    @Test
    void pagesStaticFilesAndTheApiSendTheSecurityHeaders() {
        securityHeaders(given().get("/felanmalan").then().statusCode(200));
        securityHeaders(given().get("/signed-out.html").then().statusCode(200));
        securityHeaders(given().get("/css/driftinfo.css").then().statusCode(200));
        securityHeaders(
                given().redirects().follow(false).get("/helpdesk").then().statusCode(302));
        securityHeaders(given().get("/api/outages").then().statusCode(200));
        securityHeaders(given().get("/api/fault-reports").then().statusCode(401));
    }

    @Test
    void pagesWorkUnderTheCspWithoutInlineScriptOrStyle() {
        for (String page : new String[] {"/felanmalan", "/signed-out.html"}) {
            given().get(page)
                    .then()
                    .statusCode(200)
                    .body(containsString("<link rel=\"stylesheet\" href=\"/css/driftinfo.css\">"))
                    .body(not(containsString("<style")))
                    .body(not(containsString("style=")))
                    .body(not(containsString("<script>")));
        }
    }

    @Test
    void aBrowserSignsInThroughTheProviderAndItsSessionCookieIsHttpOnly() {
        // Not signed in: the page sends the browser to the OIDC provider's sign-in (code flow with PKCE).
        given().redirects()
                .follow(false)
                .get("/helpdesk")
                .then()
                .statusCode(302)
                .header("Location", containsString("/realms/driftinfo/protocol/openid-connect/auth"))
                .header("Location", containsString("code_challenge="))
                .header("Set-Cookie", allOf(containsString("q_auth"), containsStringIgnoringCase("HttpOnly")));

        String page = RestAssured.baseURI + ":" + RestAssured.port + "/helpdesk";
        List<HttpCookie> operator = IdentityServer.current().signInAsBrowser(page, "operator");
        List<HttpCookie> session = operator.stream()
                .filter(c -> c.getName().startsWith("q_session"))
                .toList();
        assertFalse(session.isEmpty(), "a session cookie after sign-in: " + operator);
        session.forEach(c -> assertTrue(c.isHttpOnly(), "scripts must not read " + c.getName()));
        withCookies(session).get("/helpdesk").then().statusCode(200).body(containsString("<h1"));

        List<HttpCookie> planner = IdentityServer.current().signInAsBrowser(page, "planner");
        withCookies(planner).get("/helpdesk").then().statusCode(403);
    }

    /** A browser that sends these cookies and shows what it gets, without following redirects. */
    private static RequestSpecification withCookies(List<HttpCookie> cookies) {
        RequestSpecification request = given().redirects().follow(false);
        cookies.forEach(c -> request.cookie(c.getName(), c.getValue()));
        return request;
    }

    @Test
    void theApiAnswers401WithoutATokenNeverARedirect() {
        given().redirects().follow(false).get("/api/fault-reports").then().statusCode(401);
        given().redirects()
                .follow(false)
                .header("Authorization", "Bearer forged")
                .get("/api/fault-reports")
                .then()
                .statusCode(401);
        Staff.as("planner").get("/api/fault-reports").then().statusCode(403);
        Staff.as("operator").get("/api/fault-reports").then().statusCode(200);
    }

    @Test
    void theApiDocsHoldNoPagesAndShowTheReportsConstraints() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(not(containsString("EngineImpl")))
                .body(not(containsString("SectionHelper")))
                .body("components.schemas", not(hasKey("Template")))
                .body("components.schemas", not(hasKey("TemplateInstance")))
                .body("paths", not(hasKey("/felanmalan")))
                .body("paths", not(hasKey("/helpdesk")))
                .body("paths", hasKey("/api/fault-reports"))
                .body("components.schemas.ReportInput.properties.description.maxLength", equalTo(4000))
                .body("components.schemas.ReportInput.properties.description.minLength", equalTo(10));
    }
}
