package se.driftinfo.maintenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.SecurityHeaders;

/** The security headers every service sends (the kit's defaults), on answers, refusals and unknown paths alike. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class WebSecurityTest {

    static void securityHeaders(ValidatableResponse response) {
        SecurityHeaders.EXPECTED.forEach(response::header);
    }

    @Test
    void theApiItsRefusalsAndUnknownPagesSendTheSecurityHeaders() {
        securityHeaders(given().get("/api/regions").then().statusCode(200));
        securityHeaders(given().contentType("application/json")
                .body("{}")
                .post("/api/maintenance-windows")
                .then()
                .statusCode(401));
        securityHeaders(given().get("/no-such-page").then().statusCode(404));
        securityHeaders(given().get("/q/openapi").then().statusCode(200));
    }

    @Test
    void theApiDocsShowTheRequestsConstraints() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.schemas.WindowRequest.properties.title.maxLength", equalTo(200))
                .body("components.schemas.WindowRequest.properties.systems.minItems", equalTo(1))
                .body("components.schemas.WindowRequest.required", hasItem("title"));
    }
}
