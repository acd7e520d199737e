package se.driftinfo.incident.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.TopicReader;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class FaultReportApiTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void aValidReportGetsAReferenceAndItsReceivedEventGoesOut() {
        String id = Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("norrbotten", "cosmic"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/fault-reports/"))
                .body("reference", matchesPattern("FR-20\\d\\d-\\d{6}"))
                .body("status", equalTo("NEW"))
                .body("responseDue", notNullValue())
                .body("coveredBy", nullValue())
                .extract()
                .path("id");

        TopicReader.readUntil(Topics.INCIDENTS, Duration.ofSeconds(30), event -> {
            if (!id.equals(event.key()) || !EventTypes.FAULT_REPORT_RECEIVED.equals(event.type())) {
                return false;
            }
            FaultReportEventV1 data = event.data(FaultReportEventV1.class);
            assertEquals("reception@hc-kiruna.example", data.report().contactEmail());
            assertEquals("NEW", data.report().status());
            assertEquals("sv", data.report().language());
            return true;
        });
    }

    @Test
    void textWithAPersonnummerIsRejectedWithTheReasonAndNothingIsStored() {
        long before = reports();
        Map<String, Object> body = Requests.report("norrbotten", "cosmic");
        body.put("description", "Kan inte öppna journalen för 19811218-9876, Cosmic låser sig.");
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalid-params.name", equalTo(List.of("description")))
                .body("invalid-params[0].reason", containsString("personnummer"))
                .body(not(containsString("9876")));

        body.put("description", "Samordningsnummer 701063-2391 syns inte i Cosmic.");
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(400)
                .body("invalid-params.name", hasItem("description"));
        assertEquals(before, reports());
        given().when()
                .get("/q/metrics")
                .then()
                .body(containsString("driftinfo_fault_reports_patient_data_rejected_total{field=\"description\""));
    }

    @Test
    void aNumberThatFailsTheCheckDigitIsNotPatientData() {
        Map<String, Object> body = Requests.report("norrbotten", "cosmic");
        body.put("description", "Felkod 811218-9875 visas när Cosmic startar.");
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201);
    }

    @Test
    void everyInvalidFieldIsNamedInOneProblem() {
        Map<String, Object> body = Requests.report("gotland", "cosmic");
        body.put("reporterHsaId", "SE232100023-1234");
        body.put("contactEmail", "inte-en-adress");
        body.put("urgency", "EXTREME");
        body.put("description", "kort");
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "invalid-params.name",
                        containsInAnyOrder("reporterHsaId", "contactEmail", "urgency", "description", "region"));

        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("kronoberg", "sectra"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(400)
                .body("invalid-params.name", equalTo(List.of("system")));
    }

    @Test
    void aReportOfASystemUnderADeclaredOutageSaysSo() {
        String outageId = Requests.declareOutage("norrbotten", "sectra");
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("norrbotten", "sectra"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .body("coveredBy.kind", equalTo("OUTAGE"))
                .body("coveredBy.id", equalTo(outageId))
                .body("coveredBy.until", nullValue());
    }

    @Test
    void aReportDuringAMaintenanceWindowSaysWhenTheWindowEnds() {
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        LocalDateTime start =
                LocalDateTime.now(stockholm).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
        LocalDateTime end = start.plusHours(3);
        UUID windowId = UUID.randomUUID();
        Instant updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Upstream.window(
                EventTypes.WINDOW_SCHEDULED,
                new WindowEventV1(
                        new WindowEventV1.WindowV1(
                                windowId,
                                0,
                                "Uppgradering av Labportalen",
                                null,
                                "norrbotten",
                                List.of("labportalen"),
                                "Europe/Stockholm",
                                start,
                                end,
                                null,
                                "SCHEDULED",
                                List.of(),
                                null,
                                updatedAt),
                        null,
                        null));

        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("norrbotten", "labportalen"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .body("coveredBy.kind", equalTo("MAINTENANCE_WINDOW"))
                .body("coveredBy.id", equalTo(windowId.toString()))
                .body(
                        "coveredBy.until",
                        equalTo(end.atZone(stockholm).toInstant().toString()));

        // Once the planner cancels it, the window no longer covers anything.
        Upstream.window(
                EventTypes.WINDOW_CANCELLED,
                new WindowEventV1(
                        new WindowEventV1.WindowV1(
                                windowId,
                                1,
                                "Uppgradering av Labportalen",
                                null,
                                "norrbotten",
                                List.of("labportalen"),
                                "Europe/Stockholm",
                                start,
                                end,
                                null,
                                "CANCELLED",
                                List.of(),
                                null,
                                updatedAt.plusSeconds(1)),
                        null,
                        "Inställt"));
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("norrbotten", "labportalen"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .body("coveredBy", nullValue());
    }

    @Test
    void providersReportWithTheirOwnApiKeyForTheirOwnUnitsOnly() {
        Map<String, Object> body = Requests.report("norrbotten", "cosmic");
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Api-Key", "guessed-key")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(401);
        body.put("reporterHsaId", "SE2321000016-ABC9");
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(403)
                .body("invalid-params.name", equalTo(List.of("reporterHsaId")));
        // The helpdesk may register a report phoned in from any unit.
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201);
    }

    @Test
    void aWindowStartingWithinTwoHoursAlreadyCoversAReportButOneStartingLaterDoesNot() {
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        LocalDateTime now = LocalDateTime.now(stockholm).truncatedTo(ChronoUnit.MINUTES);
        Instant updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID soon = UUID.randomUUID();
        Upstream.window(
                EventTypes.WINDOW_SCHEDULED,
                new WindowEventV1(
                        new WindowEventV1.WindowV1(
                                soon,
                                0,
                                "Pascal uppgraderas",
                                null,
                                "norrbotten",
                                List.of("pascal"),
                                "Europe/Stockholm",
                                now.plusHours(1),
                                now.plusHours(4),
                                null,
                                "SCHEDULED",
                                List.of(),
                                null,
                                updatedAt),
                        null,
                        null));
        Upstream.window(
                EventTypes.WINDOW_SCHEDULED,
                new WindowEventV1(
                        new WindowEventV1.WindowV1(
                                UUID.randomUUID(),
                                0,
                                "NPÖ uppgraderas",
                                null,
                                "norrbotten",
                                List.of("npo"),
                                "Europe/Stockholm",
                                now.plusHours(3),
                                now.plusHours(4),
                                null,
                                "SCHEDULED",
                                List.of(),
                                null,
                                updatedAt),
                        null,
                        null));

        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("norrbotten", "pascal"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .body("coveredBy.id", equalTo(soon.toString()))
                .body(
                        "coveredBy.until",
                        equalTo(now.plusHours(4).atZone(stockholm).toInstant().toString()));
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("norrbotten", "npo"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .body("coveredBy", nullValue());
    }

    @Test
    void theQueueIsForOperatorsOnlyAndFiltersByRegion() {
        Requests.fileReport("kronoberg", "tele-q");
        given().when().get("/api/fault-reports").then().statusCode(401);
        Requests.operator()
                .queryParam("region", "kronoberg")
                .when()
                .get("/api/fault-reports")
                .then()
                .statusCode(200)
                .body("region", not(hasItem("norrbotten")))
                .body("system", hasItem("tele-q"));
        Requests.operator()
                .queryParam("status", "DONE")
                .when()
                .get("/api/fault-reports")
                .then()
                .statusCode(400)
                .body("invalid-params.name", equalTo(List.of("status")));
    }

    private static long reports() {
        return QuarkusTransaction.requiringNew().call(() -> FaultReport.count());
    }
}
