package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.SecurityHeaders;

/** Security headers on pages, static files and the API; the login cookie; pages kept out of the API docs. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class WebSecurityTest {

    static void securityHeaders(ValidatableResponse response) {
        SecurityHeaders.EXPECTED.forEach(response::header);
    }

    @Test
    void pagesStaticFilesAndTheApiSendTheSecurityHeaders() {
        securityHeaders(given().get("/felanmalan").then().statusCode(200));
        securityHeaders(given().get("/login.html").then().statusCode(200));
        securityHeaders(given().get("/css/driftinfo.css").then().statusCode(200));
        securityHeaders(
                given().redirects().follow(false).get("/helpdesk").then().statusCode(302));
        securityHeaders(given().get("/api/outages").then().statusCode(200));
        securityHeaders(given().get("/api/fault-reports").then().statusCode(401));
    }

    @Test
    void pagesWorkUnderTheCspWithoutInlineScriptOrStyle() {
        for (String page : new String[] {"/felanmalan", "/login.html"}) {
            given().get(page)
                    .then()
                    .statusCode(200)
                    .body(containsString("<link rel=\"stylesheet\" href=\"/css/driftinfo.css\">"))
                    .body(not(containsString("<style")))
                    .body(not(containsString("style=")))
                    .body(not(containsString("<script>")));
        }
        given().get("/js/login.js").then().statusCode(200).body(containsString("fel"));
    }

    @Test
    void theLoginCookieIsHttpOnlyAndSameSiteStrict() {
        given().redirects()
                .follow(false)
                .formParam("j_username", "operator")
                .formParam("j_password", "operator-demo")
                .when()
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .header(
                        "Set-Cookie",
                        allOf(
                                containsString("quarkus-credential="),
                                containsStringIgnoringCase("HttpOnly"),
                                containsString("SameSite=Strict")));
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
