package se.driftinfo.incident.outage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.TopicReader;
import se.driftinfo.incident.Upstream;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.infra.InfraTestResource;

/** Linked reports follow their outage: linked on arrival, resolved with it, unless unlinked. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class LinkedReportsApiTest {

    private static final String RESOLUTION = "Journalen fungerar igen efter omstart.";

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void resolvingAnOutageResolvesItsLinkedReportsEachWithOneEventButNotAnUnlinkedOne() {
        String outage = Requests.declareOutage("kronoberg", "journalen");
        // Covered on arrival: linked.
        String covered = Requests.fileReport("kronoberg", "journalen");
        Requests.operator()
                .when()
                .get("/api/fault-reports/" + covered)
                .then()
                .body("outageId", equalTo(outage))
                .body("coveredBy.id", equalTo(outage))
                .body("audit.actor", hasItem(FaultReport.COVERED_ON_ARRIVAL));
        // Linked on arrival, then unlinked by the operator: keeps its own course.
        String unlinked = Requests.fileReport("kronoberg", "journalen");
        Requests.operator()
                .when()
                .delete("/api/outages/" + outage + "/reports/" + unlinked)
                .then()
                .statusCode(200);
        // Another system's report, linked by hand and waiting for its reporter.
        String waiting = Requests.fileReport("kronoberg", "receptportalen");
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("reportId", waiting))
                .when()
                .post("/api/outages/" + outage + "/reports")
                .then()
                .statusCode(200);
        patch(waiting, Map.of("impact", "HIGH", "status", "WAITING_FOR_REPORTER"));

        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("message", RESOLUTION))
                .when()
                .post("/api/outages/" + outage + "/resolve")
                .then()
                .statusCode(200);

        for (String id : List.of(covered, waiting)) {
            Requests.operator()
                    .when()
                    .get("/api/fault-reports/" + id)
                    .then()
                    .body("status", equalTo("RESOLVED"))
                    .body("slaPaused", equalTo(false))
                    .body("comments[-1].text", equalTo(RESOLUTION))
                    .body("comments[-1].author", equalTo("operator"))
                    .body("audit[-1].field", equalTo("status"))
                    .body("audit[-1].to", equalTo("RESOLVED"));
        }
        Requests.operator()
                .when()
                .get("/api/fault-reports/" + unlinked)
                .then()
                .body("status", equalTo("NEW"))
                .body("outageId", nullValue());

        // Markers after the resolution, so reading up to them sees every event the resolution caused.
        patch(covered, Map.of("status", "CLOSED"));
        patch(waiting, Map.of("status", "CLOSED"));
        patch(unlinked, Map.of("impact", "LOW"));
        Map<String, List<String>> seen = new HashMap<>();
        Map<String, List<String>> resolutions = new HashMap<>();
        TopicReader.readUntil(Topics.INCIDENTS, Duration.ofSeconds(30), event -> {
            if (List.of(covered, waiting, unlinked).contains(event.key())) {
                FaultReportEventV1 data = event.data(FaultReportEventV1.class);
                seen.computeIfAbsent(event.key(), k -> new ArrayList<>())
                        .add(event.type() + ":" + data.report().status());
                resolutions
                        .computeIfAbsent(event.key(), k -> new ArrayList<>())
                        .add(data.report().status() + ":" + data.resolution());
            }
            return seen.getOrDefault(covered, List.of()).contains(EventTypes.FAULT_REPORT_STATUS_CHANGED + ":CLOSED")
                    && seen.getOrDefault(waiting, List.of())
                            .contains(EventTypes.FAULT_REPORT_STATUS_CHANGED + ":CLOSED")
                    && seen.getOrDefault(unlinked, List.of())
                            .contains(EventTypes.FAULT_REPORT_STATUS_CHANGED + ":TRIAGED");
        });
        String resolved = EventTypes.FAULT_REPORT_STATUS_CHANGED + ":RESOLVED";
        assertEquals(
                1,
                seen.get(covered).stream().filter(resolved::equals).count(),
                seen.get(covered).toString());
        assertEquals(
                1,
                seen.get(waiting).stream().filter(resolved::equals).count(),
                seen.get(waiting).toString());
        assertEquals(0, seen.get(unlinked).stream().filter(resolved::equals).count());
        // The reporter is told how the fault was fixed: the outage's resolution, only in the resolving event.
        for (String id : List.of(covered, waiting)) {
            assertEquals(
                    List.of("RESOLVED:" + RESOLUTION, "CLOSED:null"),
                    resolutions.get(id).stream()
                            .filter(r -> r.startsWith("RESOLVED:") || r.startsWith("CLOSED:"))
                            .toList());
        }
        assertTrue(resolutions.get(unlinked).stream().allMatch(r -> r.endsWith(":null")));
    }

    private static void patch(String id, Map<String, Object> body) {
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(200);
    }
}
