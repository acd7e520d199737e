package se.driftinfo.incident.catalog;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.catalog.RegionV1.SupportHoursV1;
import se.driftinfo.contracts.catalog.RegionV1.SystemV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

/** The replicas follow their topics: the catalog record replaces a region; an older window state never wins. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class ReplicaTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void aRepublishedRegionReplacesItsSystemsRatherThanMergingThem() {
        RegionV1 before = new RegionV1(
                "dalarna",
                "Region Dalarna",
                "Europe/Stockholm",
                new SupportHoursV1(false, "08:00", "17:00"),
                List.of(new SystemV1("takecare", "TakeCare"), new SystemV1("sema-200", "Sema 200")));
        Upstream.awaitProcessed(Upstream.send(
                Topics.CATALOG, "dalarna", EventTypes.REGION_PUBLISHED, EventSources.MAINTENANCE, before));
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("dalarna", "sema-200"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201);

        RegionV1 after = new RegionV1(
                "dalarna",
                "Region Dalarna",
                "Europe/Stockholm",
                new SupportHoursV1(false, "08:00", "17:00"),
                List.of(new SystemV1("takecare", "TakeCare")));
        Upstream.awaitProcessed(
                Upstream.send(Topics.CATALOG, "dalarna", EventTypes.REGION_PUBLISHED, EventSources.MAINTENANCE, after));
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("dalarna", "sema-200"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(400)
                .body("invalid-params[0].name", equalTo("system"));
    }

    @Test
    void anOlderWindowStateArrivingLateDoesNotUndoACancellation() {
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        LocalDateTime start =
                LocalDateTime.now(stockholm).truncatedTo(ChronoUnit.MINUTES).minusMinutes(30);
        UUID id = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WindowV1 cancelled = new WindowV1(
                id,
                1,
                "Omstart Lifecare",
                null,
                "norrbotten",
                List.of("lifecare-sp"),
                "Europe/Stockholm",
                start,
                start.plusHours(2),
                null,
                "CANCELLED",
                List.of(),
                null,
                t.plusSeconds(5));
        WindowV1 scheduled = new WindowV1(
                id,
                0,
                "Omstart Lifecare",
                null,
                "norrbotten",
                List.of("lifecare-sp"),
                "Europe/Stockholm",
                start,
                start.plusHours(2),
                null,
                "SCHEDULED",
                List.of(),
                null,
                t);
        Upstream.window(EventTypes.WINDOW_CANCELLED, new WindowEventV1(cancelled, null, null));
        Upstream.awaitProcessed(Upstream.send(
                Topics.MAINTENANCE,
                id.toString(),
                EventTypes.WINDOW_SCHEDULED,
                EventSources.MAINTENANCE,
                new WindowEventV1(scheduled, null, null)));

        // Had the late SCHEDULED state won, the window (running now) would cover the report.
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("norrbotten", "lifecare-sp"))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .body("coveredBy", nullValue());
    }
}
