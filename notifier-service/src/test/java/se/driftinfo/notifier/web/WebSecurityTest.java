package se.driftinfo.notifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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

/** Security headers on the pages, feeds and API; pages without inline style; pages kept out of the API docs. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class WebSecurityTest {

    static void securityHeaders(ValidatableResponse response) {
        SecurityHeaders.EXPECTED.forEach(response::header);
    }

    @Test
    void pagesFeedsAndTheApiSendTheSecurityHeaders() {
        securityHeaders(given().get("/driftinfo").then().statusCode(200));
        securityHeaders(given().get("/css/driftinfo.css").then().statusCode(200));
        securityHeaders(given().get("/feeds/all.ics").then().statusCode(200));
        securityHeaders(
                given().get("/subscriptions/confirm/no-such-token").then().statusCode(404));
        securityHeaders(given().contentType("application/json")
                .body("{}")
                .post("/api/subscriptions")
                .then()
                .statusCode(400));
    }

    @Test
    void thePageWorksUnderTheCspWithoutInlineScriptOrStyle() {
        given().get("/driftinfo")
                .then()
                .statusCode(200)
                .body(containsString("<link rel=\"stylesheet\" href=\"/css/driftinfo.css\">"))
                .body(not(containsString("<style")))
                .body(not(containsString("style=")))
                .body(not(containsString("<script")));
    }

    @Test
    void theApiDocsHoldNoPages() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(not(containsString("EngineImpl")))
                .body(not(containsString("TemplateInstance")))
                .body("paths", not(hasKey("/driftinfo")))
                .body("paths", not(hasKey("/driftinfo/subscribe")))
                .body("paths", not(hasKey("/subscriptions/confirm/{token}")))
                .body("paths", hasKey("/api/subscriptions"))
                .body("components.schemas.SubscriptionRequest.properties.email.maxLength", equalTo(254))
                .body("components.schemas.SubscriptionRequest.properties.language.pattern", equalTo("sv|en"));
    }
}
