package se.driftinfo.incident.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.TopicReader;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class TriageApiTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void triageDerivesThePriorityRestartsTheSlaClockAuditsEveryChangeAndAnnouncesIt() {
        // Kronoberg's helpdesk is open 24/7, so P1's 30 minutes are 30 minutes of wall-clock time.
        String id = Requests.fileReport("kronoberg", "cosmic");
        JsonPath triaged = Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "impact",
                        "HIGH",
                        "urgency",
                        "HIGH",
                        "responsibility",
                        "PROVIDER",
                        "assignee",
                        "kalle",
                        "timeSpentMinutes",
                        45,
                        "comment",
                        "Leverantören felsöker inloggningen."))
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(200)
                .body("priority", equalTo("P1"))
                .body("status", equalTo("TRIAGED"))
                .body("assignee", equalTo("kalle"))
                .body("billableMinutes", equalTo(45))
                .body("comments[0].author", equalTo("operator"))
                .extract()
                .jsonPath();
        Instant received = Instant.parse(triaged.getString("receivedAt"));
        assertEquals(received.plus(Duration.ofMinutes(30)), Instant.parse(triaged.getString("responseDue")));
        assertEquals(received.plus(Duration.ofHours(4)), Instant.parse(triaged.getString("resolveDue")));

        List<Map<String, String>> audit = triaged.getList("audit");
        Set<String> changes = new HashSet<>();
        for (Map<String, String> entry : audit) {
            changes.add(entry.get("field") + ":" + entry.get("from") + "→" + entry.get("to"));
            if (!entry.get("field").equals("status") || entry.get("from") != null) {
                assertEquals("operator", entry.get("actor"));
            }
        }
        assertTrue(
                changes.containsAll(Set.of(
                        "status:null→NEW",
                        "impact:null→HIGH",
                        "priority:null→P1",
                        "responsibility:null→PROVIDER",
                        "assignee:null→kalle",
                        "status:NEW→TRIAGED",
                        "timeSpentMinutes:0→45")),
                changes.toString());

        Set<String> types = new HashSet<>();
        TopicReader.readUntil(Topics.INCIDENTS, Duration.ofSeconds(30), event -> {
            if (id.equals(event.key())) {
                types.add(event.type());
                if (event.type().equals(EventTypes.FAULT_REPORT_TRIAGED)) {
                    assertEquals(
                            "P1", event.data(FaultReportEventV1.class).report().priority());
                }
            }
            return types.containsAll(Set.of(
                    EventTypes.FAULT_REPORT_RECEIVED,
                    EventTypes.FAULT_REPORT_TRIAGED,
                    EventTypes.FAULT_REPORT_STATUS_CHANGED));
        });
    }

    @Test
    void aForbiddenTransitionIsAConflictAndNothingOfThePatchIsKept() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("impact", "LOW", "status", "CLOSED"))
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("to CLOSED"));
        Requests.operator()
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("NEW"))
                .body("impact", nullValue())
                .body("audit", hasSize(1));
    }

    @Test
    void aReportMovesThroughItsLifecycleAndCanBeUnassigned() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        patch(id, Map.of("impact", "MEDIUM", "assignee", "lisa"), 200);
        patch(id, Map.of("status", "IN_PROGRESS"), 200);
        patch(id, Map.of("status", "WAITING_FOR_REPORTER", "comment", "Vilken webbläsare?"), 200);
        patch(id, Map.of("status", "RESOLVED"), 200);
        patch(id, Map.of("status", "CLOSED"), 200);
        patch(id, Map.of("comment", "För sent"), 409);
        Requests.operator()
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .body("status", equalTo("CLOSED"))
                .body("priority", equalTo("P2"));

        String other = Requests.fileReport("norrbotten", "cosmic");
        patch(other, Map.of("assignee", "lisa"), 200);
        Requests.operator()
                .contentType(ContentType.JSON)
                .body("{\"assignee\": null}")
                .when()
                .patch("/api/fault-reports/" + other)
                .then()
                .statusCode(200)
                .body("assignee", nullValue());
    }

    @Test
    void unknownAndMalformedFieldsAreNamedAndPatientDataInCommentsIsRejected() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("priority", "P1", "status", "DONE", "timeSpentMinutes", "mycket"))
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(400)
                .body("invalid-params.name", hasItem("priority"))
                .body("invalid-params.name", hasItem("status"))
                .body("invalid-params.name", hasItem("timeSpentMinutes"));
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("comment", "Gäller patient 811218-9876"))
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(400)
                .body("invalid-params.name", equalTo(List.of("comment")));
        Requests.operator().when().get("/api/fault-reports/" + id).then().body("comments", hasSize(0));
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("impact", "LOW"))
                .when()
                .patch("/api/fault-reports/not-an-id")
                .then()
                .statusCode(400)
                .body("invalid-params.name", equalTo(List.of("id")));
    }

    @Test
    void aPatchBasedOnAStaleVersionIsAPreconditionFailureAndChangesNothing() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        String seen = Requests.operator()
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .extract()
                .header("ETag");
        String next = Requests.operator()
                .header("If-Match", seen)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "lisa"))
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertTrue(!next.equals(seen), "the version must change with the report");

        Requests.operator()
                .header("If-Match", seen)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "kalle"))
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        Requests.operator()
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .header("ETag", equalTo(next))
                .body("assignee", equalTo("lisa"));
    }

    private static void patch(String id, Map<String, Object> body, int status) {
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(status);
    }
}
