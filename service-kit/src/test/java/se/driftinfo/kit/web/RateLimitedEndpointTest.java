package se.driftinfo.kit.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/**
 * Over HTTP: a used-up limit answers 429 with Retry-After, as problem details on the API and as a page
 * on pages, and clients behind a trusted proxy are told apart by their forwarded address.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class RateLimitedEndpointTest {

    @Test
    void theApiAnswers429WithRetryAfterOnceTheCapacityIsUsed() {
        String client = address();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client)
                    .get("/api/test/limited")
                    .then()
                    .statusCode(200)
                    .body(equalTo("ok " + client));
        }
        given().header("X-Forwarded-For", client)
                .get("/api/test/limited")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1800")
                .body("type", equalTo("https://driftinfo.se/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("detail", equalTo("Too many requests in a short time; try again in 1800 seconds."));
    }

    @Test
    void anotherClientIsNotLimitedByTheFirst() {
        String first = address();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", first)
                    .get("/api/test/limited")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", first).get("/api/test/limited").then().statusCode(429);
        given().header("X-Forwarded-For", address())
                .get("/api/test/limited")
                .then()
                .statusCode(200);
    }

    @Test
    void aPageAnswersWithASwedishPageAnd429() {
        String client = address();
        given().header("X-Forwarded-For", client)
                .accept("text/html")
                .get("/test/limited-page")
                .then()
                .statusCode(200);
        given().header("X-Forwarded-For", client)
                .accept("text/html")
                .get("/test/limited-page")
                .then()
                .statusCode(429)
                .contentType(containsString("text/html"))
                .header("Retry-After", "60")
                .body(containsString("För många försök"));
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String address() {
        int n = Math.floorMod(UUID.randomUUID().hashCode(), 250) + 1;
        int m = Math.floorMod(UUID.randomUUID().hashCode(), 250) + 1;
        return "198.51." + n + "." + m;
    }
}
