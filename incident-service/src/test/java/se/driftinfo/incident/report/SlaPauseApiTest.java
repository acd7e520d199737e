package se.driftinfo.incident.report;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

/** Waiting for the reporter stops the SLA clock, on the report's view and in its due dates. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class SlaPauseApiTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void theViewShowsThePausedClockAndMovingOnPushesTheDueDatesByThePause() throws InterruptedException {
        // Kronoberg counts every hour, so the pause is pushed by its wall-clock length.
        String id = Requests.fileReport("kronoberg", "cosmic");
        JsonPath waiting = patch(id, Map.of("impact", "MEDIUM", "status", "WAITING_FOR_REPORTER"))
                .body("status", equalTo("WAITING_FOR_REPORTER"))
                .body("slaPaused", equalTo(true))
                .body("slaPausedSince", notNullValue())
                .extract()
                .jsonPath();
        Instant pausedSince = Instant.parse(waiting.getString("slaPausedSince"));
        Instant responseDue = Instant.parse(waiting.getString("responseDue"));
        Instant resolveDue = Instant.parse(waiting.getString("resolveDue"));

        List<Map<String, Object>> queue = Requests.operator()
                .queryParam("region", "kronoberg")
                .when()
                .get("/api/fault-reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.id == '" + id + "' }");
        assertEquals(1, queue.size());
        assertEquals(true, queue.get(0).get("slaPaused"));
        assertEquals(
                responseDue.toString(),
                Instant.parse((String) queue.get(0).get("responseDue")).toString());

        Thread.sleep(1200);
        JsonPath resumed = patch(id, Map.of("status", "IN_PROGRESS"))
                .body("slaPaused", equalTo(false))
                .body("slaPausedSince", nullValue())
                .extract()
                .jsonPath();
        List<Map<String, String>> audit = resumed.getList("audit");
        Instant resumedAt = Instant.parse(audit.get(audit.size() - 1).get("at"));
        Duration pause = Duration.between(pausedSince, resumedAt);
        assertTrue(pause.compareTo(Duration.ofMillis(1200)) >= 0, "paused " + pause);
        Duration pushed = Duration.between(responseDue, Instant.parse(resumed.getString("responseDue")));
        assertTrue(pushed.minus(pause).abs().compareTo(Duration.ofMillis(1)) <= 0, pushed + " vs paused " + pause);
        Duration resolvePushed = Duration.between(resolveDue, Instant.parse(resumed.getString("resolveDue")));
        assertTrue(resolvePushed.minus(pause).abs().compareTo(Duration.ofMillis(1)) <= 0);

        JsonPath stored = Requests.operator()
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .statusCode(200)
                .body("slaPaused", equalTo(false))
                .extract()
                .jsonPath();
        // PostgreSQL keeps microseconds (rounded).
        Duration stale = Duration.between(
                Instant.parse(resumed.getString("responseDue")), Instant.parse(stored.getString("responseDue")));
        assertTrue(stale.abs().compareTo(Duration.of(1, ChronoUnit.MICROS)) <= 0, "stored " + stale + " off");
    }

    private static io.restassured.response.ValidatableResponse patch(String id, Map<String, Object> body) {
        return Requests.operator()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(200);
    }
}
