package se.driftinfo.incident.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.incident.burst.BurstSuggestion;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/**
 * The APIs the pages share their rules with: an operator limited to Norrbotten gets 403 on Kronoberg's
 * report, outage and burst suggestion, and does not see them in lists.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class RegionAccessApiTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void anotherRegionsReportIsForbiddenAndNotListed() {
        String id = Requests.fileReport("kronoberg", "cosmic");
        Staff.as("operator-norrbotten")
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .statusCode(403);
        Staff.as("operator-norrbotten")
                .contentType(ContentType.JSON)
                .body(Map.of("impact", "HIGH"))
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(403);
        Staff.as("operator-norrbotten")
                .when()
                .get("/api/fault-reports")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)))
                .body("region", not(hasItem("kronoberg")));
        Staff.as("operator").when().get("/api/fault-reports/" + id).then().statusCode(200);
    }

    @Test
    void anotherRegionsOutageIsForbiddenAndNotListed() {
        String outage = Requests.declareOutage("kronoberg", "tele-q");
        try {
            Staff.as("operator-norrbotten")
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "IDENTIFIED", "message", "Inte min region"))
                    .when()
                    .post("/api/outages/" + outage + "/updates")
                    .then()
                    .statusCode(403);
            Staff.as("operator-norrbotten")
                    .contentType(ContentType.JSON)
                    .body(Requests.outage("kronoberg", "tele-q"))
                    .when()
                    .post("/api/outages")
                    .then()
                    .statusCode(403);
            Staff.as("operator-norrbotten")
                    .when()
                    .get("/api/helpdesk/outages")
                    .then()
                    .statusCode(200)
                    .body("id", not(hasItem(outage)));
            Staff.as("operator-norrbotten")
                    .when()
                    .get("/api/helpdesk/outages/" + outage)
                    .then()
                    .statusCode(403);
        } finally {
            ReportPageTest.resolve(outage);
        }
    }

    @Test
    void anotherRegionsBurstSuggestionIsForbidden() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        // A suggestion as the detector writes it, for a system no report names, so no other test's counts move.
        QuarkusTransaction.requiringNew().run(() -> BurstSuggestion.getEntityManager()
                .createNativeQuery("insert into burst_suggestion (id, region, system, status, first_report_at)"
                        + " values (?1, 'kronoberg', 'region-access-test', 'OPEN', ?2)")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate());
        // JSON, not a form: RestAssured would send a body-less POST as a form, which the CSRF check refuses.
        Staff.as("operator-norrbotten")
                .contentType(ContentType.JSON)
                .when()
                .post("/api/bursts/" + id + "/dismiss")
                .then()
                .statusCode(403)
                .body("detail", containsString("kronoberg"));
        Staff.as("operator-norrbotten")
                .when()
                .get("/api/outages/suggestions")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id.toString())));
        Staff.as("operator")
                .contentType(ContentType.JSON)
                .when()
                .post("/api/bursts/" + id + "/dismiss")
                .then()
                .statusCode(200);
    }
}
