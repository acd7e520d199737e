package se.driftinfo.incident.badinput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.burst.BurstSuggestion;

/** Things the bad-input tables need in the database that no other test's counts may see. */
final class BadInputFixtures {

    private BadInputFixtures() {}

    /**
     * An open burst suggestion as the detector writes it, for a system the catalog does not hold: a valid
     * answer to it would still be refused (naming {@code systems}), so the tables never declare an outage.
     */
    static UUID openSuggestion(String region) {
        UUID id = UUID.randomUUID();
        // One open suggestion per region and system: each table gets a system of its own.
        String system = "ingen-" + id.toString().substring(0, 8);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> BurstSuggestion.getEntityManager()
                .createNativeQuery("insert into burst_suggestion (id, region, system, status, first_report_at)"
                        + " values (?1, ?2, ?3, 'OPEN', ?4)")
                .setParameter(1, id)
                .setParameter(2, region)
                .setParameter(3, system)
                .setParameter(4, now)
                .executeUpdate());
        return id;
    }

    /** The report's version as its ETag says it. */
    static String version(String report) {
        return Requests.operator()
                .get("/api/fault-reports/" + report)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** The outage's event sequence: every change raises it. */
    static int sequence(String outage) {
        return Requests.operator()
                .get("/api/helpdesk/outages/" + outage)
                .then()
                .statusCode(200)
                .extract()
                .path("sequence");
    }

    static void resolve(String outage) {
        if (outage != null) {
            Requests.operator()
                    .contentType(ContentType.JSON)
                    .body(Map.of("message", "Klart"))
                    .post("/api/outages/" + outage + "/resolve");
        }
    }

    static void dismiss(UUID suggestion) {
        if (suggestion != null) {
            Requests.operator().contentType(ContentType.JSON).post("/api/bursts/" + suggestion + "/dismiss");
        }
    }

    static String suggestionStatus(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> BurstSuggestion.<BurstSuggestion>findById(id).status);
    }
}
