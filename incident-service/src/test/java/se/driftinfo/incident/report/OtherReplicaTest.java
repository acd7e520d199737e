package se.driftinfo.incident.report;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.incident.maintenance.WindowReplica;
import se.driftinfo.infra.InfraTestResource;

/**
 * This replica holds windows, which systems have an outage, open burst suggestions and a block of report
 * numbers in memory. What another replica of the service changed in the shared database (written here
 * directly, so no event of this replica announces it) is seen within the refresh the test profile sets (1 s),
 * and report numbers never collide.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class OtherReplicaTest {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    FaultReportRepository repository;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void aWindowPlannedAfterStartUpAndConsumedByAnotherReplicaCoversReportsHere() {
        assertNull(file("kronoberg", "rontgen").get("coveredBy"));

        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        LocalDateTime start =
                LocalDateTime.now(stockholm).truncatedTo(ChronoUnit.MINUTES).minusMinutes(30);
        UUID windowId = UUID.randomUUID();
        WindowV1 window = new WindowV1(
                windowId,
                0,
                "Byte av röntgenserver",
                null,
                "kronoberg",
                List.of("rontgen"),
                "Europe/Stockholm",
                start,
                start.plusHours(2),
                null,
                "SCHEDULED",
                List.of(),
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        QuarkusTransaction.requiringNew().run(() -> {
            WindowReplica replica = new WindowReplica();
            replica.replaceWith(window);
            replica.persist();
        });

        Upstream.await(SOON, "the window to cover a report", () -> windowId.toString()
                .equals(file("kronoberg", "rontgen").getString("coveredBy.id")));
    }

    @Test
    void anOutageDeclaredOnAnotherReplicaCoversReportsHereAndOneResolvedThereNeverTakesAReport() {
        assertNull(file("kronoberg", "dosering").get("coveredBy"));

        UUID outageId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into outage (id, reference, title, region, impact, status, started_at,"
                            + " sequence, updated_at, version) values (?1, ?2, 'Dosering nere', 'kronoberg', 'OUTAGE',"
                            + " 'INVESTIGATING', now(), 0, now(), 0)")
                    .setParameter(1, outageId)
                    .setParameter(2, "DS-T-" + outageId.toString().substring(0, 8))
                    .executeUpdate();
            em.createNativeQuery("insert into outage_system (outage_id, system) values (?1, 'dosering')")
                    .setParameter(1, outageId)
                    .executeUpdate();
        });
        Upstream.await(SOON, "the outage to cover a report", () -> outageId.toString()
                .equals(file("kronoberg", "dosering").getString("coveredBy.id")));

        // Resolved there: the very next report here is not linked to it, though this replica's copy still
        // lists the system (the database decides which outage covers a report).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update outage set status = 'RESOLVED', resolved_at = now() where id = ?1")
                .setParameter(1, outageId)
                .executeUpdate());
        JsonPath report = file("kronoberg", "dosering");
        assertNull(report.get("coveredBy"));
        Requests.operator()
                .when()
                .get("/api/fault-reports/" + report.getString("id"))
                .then()
                .statusCode(200)
                .body("outageId", nullValue());
    }

    @Test
    void aSuggestionDismissedOnAnotherReplicaIsOpenedAgainByReportsHere() {
        for (int i = 0; i < 3; i++) {
            file("kronoberg", "remisser");
        }
        UUID first = openSuggestion("remisser");
        assertTrue(first != null, "three reports open a suggestion");
        file("kronoberg", "remisser"); // remembered open here

        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update burst_suggestion set status = 'DISMISSED' where id = ?1")
                        .setParameter(1, first)
                        .executeUpdate());

        Upstream.await(SOON, "a new suggestion", () -> {
            file("kronoberg", "remisser");
            UUID open = openSuggestion("remisser");
            return open != null && !open.equals(first);
        });
    }

    @Test
    void reportNumbersOfTwoReplicasAreUniqueAndRiseOnEachAndAnOlderVersionMeetsNone() throws Exception {
        ReportNumbers one = new ReportNumbers(repository);
        ReportNumbers two = new ReportNumbers(repository);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<List<Long>> fromOne = threads.submit(() -> take(one, 150));
            Future<List<Long>> fromTwo = threads.submit(() -> take(two, 150));
            // A replica of the previous version during a rolling upgrade takes nextval itself as its number.
            Future<List<Long>> fromOlder = threads.submit(() -> {
                List<Long> numbers = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    numbers.add(QuarkusTransaction.requiringNew()
                            .call(() -> ((Number) em.createNativeQuery("select nextval('fault_report_number')")
                                            .getSingleResult())
                                    .longValue()));
                }
                return numbers;
            });
            List<Long> a = fromOne.get();
            List<Long> b = fromTwo.get();
            assertRising(a);
            assertRising(b);
            Set<Long> all = new HashSet<>(a);
            all.addAll(b);
            all.addAll(fromOlder.get());
            assertEquals(150 + 150 + 20, all.size(), "no number given twice");
        } finally {
            threads.shutdownNow();
        }

        String firstReference = file("kronoberg", "cosmic").getString("reference");
        String secondReference = file("kronoberg", "cosmic").getString("reference");
        assertNotEquals(firstReference, secondReference);
        assertTrue(secondReference.compareTo(firstReference) > 0, "one replica's references rise");
    }

    private static List<Long> take(ReportNumbers numbers, int count) {
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(QuarkusTransaction.requiringNew().call(numbers::next));
        }
        return taken;
    }

    private static void assertRising(List<Long> numbers) {
        for (int i = 1; i < numbers.size(); i++) {
            assertTrue(numbers.get(i) > numbers.get(i - 1), "rising: " + numbers);
        }
    }

    private UUID openSuggestion(String system) {
        List<?> open = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id from burst_suggestion where region = 'kronoberg' and system = ?1 and status = 'OPEN'")
                .setParameter(1, system)
                .getResultList());
        return open.isEmpty() ? null : (UUID) open.get(0);
    }

    private static JsonPath file(String region, String system) {
        return Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report(region, system))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }
}
