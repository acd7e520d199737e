package se.driftinfo.incident.outage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.TopicReader;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class OutageApiTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void anOutageIsDeclaredUpdatedAndResolvedWithItsTimelineAndOneEventPerChange() {
        String id = Requests.operator()
                .contentType(ContentType.JSON)
                .body(Requests.outage("kronoberg", "tele-q"))
                .when()
                .post("/api/outages")
                .then()
                .statusCode(201)
                .body("reference", matchesPattern("DS-20\\d\\d-\\d{6}"))
                .body("status", equalTo("INVESTIGATING"))
                .body("sequence", equalTo(0))
                .extract()
                .path("id");
        given().queryParam("active", true).when().get("/api/outages").then().body("id", hasItem(id));

        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "IDENTIFIED", "message", "Certifikatet har gått ut."))
                .when()
                .post("/api/outages/" + id + "/updates")
                .then()
                .statusCode(200)
                .body("status", equalTo("IDENTIFIED"))
                .body("sequence", equalTo(1));
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "message",
                        "Nytt certifikat installerat.",
                        "resolvedAt",
                        Instant.now().toString()))
                .when()
                .post("/api/outages/" + id + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("timeline.status", contains("INVESTIGATING", "IDENTIFIED", "RESOLVED"))
                .body("timeline.author", contains("operator", "operator", "operator"));
        given().queryParam("active", true).when().get("/api/outages").then().body("id", not(hasItem(id)));

        List<String> seen = new ArrayList<>();
        TopicReader.readUntil(Topics.INCIDENTS, Duration.ofSeconds(30), event -> {
            if (id.equals(event.key())) {
                OutageEventV1 data = event.data(OutageEventV1.class);
                seen.add(event.type() + "#" + data.outage().sequence());
            }
            return seen.size() == 3;
        });
        assertEquals(
                List.of(
                        EventTypes.OUTAGE_DECLARED + "#0",
                        EventTypes.OUTAGE_UPDATED + "#1",
                        EventTypes.OUTAGE_RESOLVED + "#2"),
                seen);
    }

    @Test
    void aResolvedOutageCannotChangeAndRESOLVEDIsNotAnUpdate() {
        String id = Requests.declareOutage("kronoberg", "cosmic");
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "RESOLVED", "message", "Klart"))
                .when()
                .post("/api/outages/" + id + "/updates")
                .then()
                .statusCode(400)
                .body("invalid-params.name", equalTo(List.of("status")));
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Klart"))
                .when()
                .post("/api/outages/" + id + "/resolve")
                .then()
                .statusCode(200);
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "MONITORING", "message", "Igen?"))
                .when()
                .post("/api/outages/" + id + "/updates")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRequestWithoutABodyIsAProblemNotAServerError() {
        String id = Requests.declareOutage("kronoberg", "cosmic");
        for (String path :
                List.of("/api/outages", "/api/outages/" + id + "/updates", "/api/outages/" + id + "/resolve")) {
            Requests.operator()
                    .contentType(ContentType.JSON)
                    .when()
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The request body is required"));
        }
        // Resolve it, so no later report on this system is covered by it.
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Klart"))
                .when()
                .post("/api/outages/" + id + "/resolve")
                .then()
                .statusCode(200);
    }

    @Test
    void declaringNamesEveryWrongFieldAndNeedsTheOperatorRole() {
        Map<String, Object> body = Requests.outage("norrbotten", "cosmic", "takecare");
        body.remove("impact");
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/outages")
                .then()
                .statusCode(400)
                .body("invalid-params.name", contains("impact", "systems[1]"));
        given().contentType(ContentType.JSON)
                .body(Requests.outage("norrbotten", "cosmic"))
                .when()
                .post("/api/outages")
                .then()
                .statusCode(401);
    }

    @Test
    void faultReportsAreLinkedToAndUnlinkedFromAnOutageOfTheirRegion() {
        String outage = Requests.declareOutage("norrbotten", "vas-las");
        String report = Requests.fileReport("norrbotten", "cosmic");
        String reference = Requests.operator()
                .when()
                .get("/api/fault-reports/" + report)
                .then()
                .extract()
                .path("reference");

        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("reportId", report))
                .when()
                .post("/api/outages/" + outage + "/reports")
                .then()
                .statusCode(200)
                .body("linkedReports", contains(reference));
        Requests.operator().when().get("/api/fault-reports/" + report).then().body("outageId", equalTo(outage));

        Requests.operator()
                .when()
                .delete("/api/outages/" + outage + "/reports/" + report)
                .then()
                .statusCode(200)
                .body("linkedReports", equalTo(List.of()));
        Requests.operator().when().get("/api/fault-reports/" + report).then().body("outageId", nullValue());

        String elsewhere = Requests.declareOutage("kronoberg", "tele-q");
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("outageId", elsewhere))
                .when()
                .patch("/api/fault-reports/" + report)
                .then()
                .statusCode(409);
    }
}
