package se.driftinfo.incident.outage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/**
 * Gap 16 (issue #15): anyone may read outages, but only as clinics need them. The public view at
 * {@code /api/outages} has no operator's user name and no linked report's reference; the staff view at
 * {@code /api/helpdesk/outages} has both, and only operators get it.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class PublicOutageViewTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void anonymousReadersSeeNoAuthorsAndNoLinkedReportsButOperatorsDo() {
        String outage = Requests.declareOutage("kronoberg", "felinmatning");
        try {
            String report = Requests.fileReport("kronoberg", "felinmatning");
            Requests.operator()
                    .contentType(ContentType.JSON)
                    .body(Map.of("reportId", report))
                    .post("/api/outages/" + outage + "/reports")
                    .then()
                    .statusCode(200);
            String reference = Requests.operator()
                    .get("/api/fault-reports/" + report)
                    .then()
                    .extract()
                    .path("reference");
            Requests.operator()
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "IDENTIFIED", "message", "Certifikatet har gått ut."))
                    .post("/api/outages/" + outage + "/updates")
                    .then()
                    .statusCode(200);

            for (String path : new String[] {"/api/outages", "/api/outages?active=true", "/api/outages/" + outage}) {
                String json = given().get(path).then().statusCode(200).extract().asString();
                assertFalse(json.contains("\"operator\""), path + " names the operator: " + json);
                assertFalse(json.contains("author"), path + " has authors: " + json);
                assertFalse(json.contains(reference), path + " shows the linked report: " + json);
                assertFalse(json.contains("linkedReports"), path + " lists linked reports: " + json);
            }
            // What a clinic needs is all there.
            given().get("/api/outages/" + outage)
                    .then()
                    .body("reference", org.hamcrest.Matchers.startsWith("DS-"))
                    .body("title", equalTo("Driftstörning felinmatning"))
                    .body("region", equalTo("kronoberg"))
                    .body("systems", contains("felinmatning"))
                    .body("impact", equalTo("OUTAGE"))
                    .body("status", equalTo("IDENTIFIED"))
                    .body(
                            "timeline.message",
                            contains("Vi felsöker. Starta reservrutinen.", "Certifikatet har gått ut."))
                    .body("timeline[0]", not(hasKey("author")))
                    .body("$", not(hasKey("linkedReports")));
            given().get("/api/outages").then().body("id", hasItem(outage));

            // The helpdesk sees who wrote what and which reports belong to the outage.
            Staff.as("operator")
                    .get("/api/helpdesk/outages/" + outage)
                    .then()
                    .statusCode(200)
                    .body("timeline.author", contains("operator", "operator"))
                    .body("linkedReports", contains(reference));
            Staff.as("operator")
                    .get("/api/helpdesk/outages?active=true")
                    .then()
                    .statusCode(200)
                    .body("find { it.id == '" + outage + "' }.linkedReports", contains(reference));
            // Anyone else is refused the staff view.
            given().get("/api/helpdesk/outages/" + outage).then().statusCode(401);
            given().get("/api/helpdesk/outages").then().statusCode(401);
            Staff.as("planner").get("/api/helpdesk/outages").then().statusCode(403);
        } finally {
            Requests.operator()
                    .contentType(ContentType.JSON)
                    .body(Map.of("message", "Klart"))
                    .post("/api/outages/" + outage + "/resolve")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aSignedInOperatorGetsThePublicViewAtThePublicAddressToo() {
        String outage = Requests.declareOutage("kronoberg", "felinmatning");
        try {
            Staff.as("operator")
                    .get("/api/outages/" + outage)
                    .then()
                    .statusCode(200)
                    .body(not(containsString("author")))
                    .body("$", not(hasKey("linkedReports")));
        } finally {
            Requests.operator()
                    .contentType(ContentType.JSON)
                    .body(Map.of("message", "Klart"))
                    .post("/api/outages/" + outage + "/resolve");
        }
    }
}
