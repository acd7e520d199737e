package se.driftinfo.kit.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/** A form post counts only when its hidden field repeats the browser's own cookie. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class CsrfFilterTest {

    private static final Pattern FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void theTokenOfThePageAndItsCookieLetTheFormThrough() {
        Response page = given().get("/test/form");
        String cookie = page.getCookie("csrf");
        String field = field(page.asString());
        assertEquals(cookie, field);
        assertTrue(page.getDetailedCookie("csrf").isHttpOnly(), "scripts must not read the token cookie");
        assertEquals("Strict", page.getDetailedCookie("csrf").getSameSite());

        given().cookie("csrf", cookie)
                .formParam("csrf", field)
                .formParam("title", "FU-stopp")
                .post("/test/form")
                .then()
                .statusCode(200)
                .body(equalTo("saved FU-stopp"));
    }

    @Test
    void aBrowserThatHasItsCookieKeepsItsToken() {
        String cookie = given().get("/test/form").getCookie("csrf");
        Response again = given().cookie("csrf", cookie).get("/test/form");
        assertEquals(cookie, field(again.asString()));
        assertEquals(null, again.getCookie("csrf"), "no new cookie when the browser has one");
    }

    @Test
    void aPostFromAnotherSiteHasNoCookieAndIsRefused() {
        String field = field(given().get("/test/form").asString());
        given().formParam("csrf", field)
                .formParam("title", "x")
                .post("/test/form")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://driftinfo.se/problems/csrf"));
    }

    @Test
    void aMissingOrForeignFieldIsRefusedAndABrowserIsToldToReload() {
        String cookie = given().get("/test/form").getCookie("csrf");
        String other = given().get("/test/form").getCookie("csrf");
        assertNotEquals(cookie, other);
        given().cookie("csrf", cookie)
                .formParam("title", "x")
                .post("/test/form")
                .then()
                .statusCode(403);
        given().cookie("csrf", cookie)
                .formParam("csrf", other)
                .formParam("title", "x")
                .accept(ContentType.HTML)
                .post("/test/form")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("ladda om sidan"));
    }

    @Test
    void aPlainTextOrEmptyPostIsAFormTooButAnAuthorizedProgramIsNot() {
        given().contentType(ContentType.TEXT)
                .body("title=x")
                .post("/test/form/button")
                .then()
                .statusCode(403);
        given().post("/test/form/button").then().statusCode(403);
        String cookie = given().get("/test/form").getCookie("csrf");
        given().cookie("csrf", cookie)
                .formParam("csrf", cookie)
                .post("/test/form/button")
                .then()
                .statusCode(200)
                .body(equalTo("pressed"));
        given().header("Authorization", "Bearer whatever-the-service-checks")
                .formParam("title", "x")
                .post("/test/form")
                .then()
                .statusCode(200);
    }

    @Test
    void aMailProvidersOneClickUnsubscribeNeedsNoToken() {
        given().formParam("List-Unsubscribe", "One-Click")
                .post("/test/form/one-click/secret")
                .then()
                .statusCode(200)
                .body(equalTo("unsubscribed"));
    }

    @Test
    void jsonIsNotAFormAndIsNotChecked() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/test/form")
                .then()
                .statusCode(200)
                .body(equalTo("api {}"));
    }

    private static String field(String html) {
        Matcher m = FIELD.matcher(html);
        assertTrue(m.find(), "the page has a csrf field: " + html);
        return m.group(1);
    }
}
