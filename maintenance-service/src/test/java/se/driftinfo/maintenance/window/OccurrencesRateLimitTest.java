package se.driftinfo.maintenance.window;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/**
 * {@code GET /api/occurrences} expands every window's rule, so one client may ask only so often
 * ({@code driftinfo.rate-limits.occurrences}, per client address): beyond it a 429 problem detail with
 * Retry-After, while other clients are served as before. Refused requests count too.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class OccurrencesRateLimitTest {

    @Test
    void aClientAskingTooOftenGets429WithRetryAfterAndOthersAreStillServed() {
        int capacity = ConfigProvider.getConfig().getValue("driftinfo.rate-limits.occurrences.capacity", Integer.class);
        String client = address();
        int served = 0;
        Response answer;
        // Refused requests count as well; the bucket refills slowly while the loop runs, hence "at least".
        while ((answer = ask(client, served % 2 == 0 ? "2030-01-01" : "not a date")).statusCode() != 429
                && served <= capacity + 50) {
            assertEquals(served % 2 == 0 ? 200 : 400, answer.statusCode());
            served++;
        }
        assertTrue(served >= capacity, "limited after " + served + " of " + capacity);
        answer.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        // Another client: drawn again until it differs (1 in 250 draws used to be the limited client itself).
        String other;
        do {
            other = address();
        } while (other.equals(client));
        given().header("X-Forwarded-For", other)
                .queryParam("region", "kronoberg")
                .get("/api/occurrences")
                .then()
                .statusCode(200);
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String address() {
        int n = Math.floorMod(UUID.randomUUID().hashCode(), 250) + 1;
        return "203.0.113." + n;
    }

    private static Response ask(String client, String from) {
        return given().header("X-Forwarded-For", client)
                .queryParam("region", "kronoberg")
                .queryParam("from", from)
                .queryParam("to", "2030-01-02")
                .get("/api/occurrences");
    }
}
