package se.driftinfo.incident.report;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.TopicReader;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

/**
 * Many reports at the same moment, as when a system goes down for a whole region: each one is stored,
 * announced once and counted in the burst. Each test has a system of its own (Upstream's catalog).
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class ConcurrentIntakeTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void aBurstOfReportsArrivingTogetherIsCountedExactly() throws Exception {
        int reports = 24;
        List<String> ids = atOnce(reports, () -> Requests.fileReport("kronoberg", "bokningen"));

        assertEquals(reports, new HashSet<>(ids).size());
        Requests.operator()
                .when()
                .get("/api/outages/suggestions")
                .then()
                .statusCode(200)
                .body("findAll { it.system == 'bokningen' }.size()", equalTo(1))
                .body("find { it.system == 'bokningen' }.reportCount", equalTo(reports));

        // One more report raises the count the helpdesk sees, without a second suggestion.
        Requests.fileReport("kronoberg", "bokningen");
        Requests.operator()
                .when()
                .get("/api/outages/suggestions")
                .then()
                .body("findAll { it.system == 'bokningen' }.size()", equalTo(1))
                .body("find { it.system == 'bokningen' }.reportCount", equalTo(reports + 1));
    }

    @Test
    void everyReportAcceptedUnderConcurrencyIsStoredAndAnnouncedOnce() throws Exception {
        int reports = 40;
        Set<String> ids = new HashSet<>(atOnce(reports, () -> Requests.fileReport("kronoberg", "provsvar")));
        assertEquals(reports, ids.size());

        long stored = QuarkusTransaction.requiringNew().call(() -> (Long) FaultReport.getEntityManager()
                .createQuery("select count(r) from FaultReport r where r.system = 'provsvar'")
                .getSingleResult());
        assertEquals(reports, stored);
        Map<String, Integer> events = new HashMap<>();
        TopicReader.readUntil(Topics.INCIDENTS, Duration.ofSeconds(60), event -> {
            if (ids.contains(event.key()) && EventTypes.FAULT_REPORT_RECEIVED.equals(event.type())) {
                events.merge(event.key(), 1, Integer::sum);
            }
            return events.size() == reports;
        });
        assertEquals(Set.of(1), new HashSet<>(events.values()), "received events per report");
        long outboxRows = QuarkusTransaction.requiringNew().call(() -> ((Number) FaultReport.getEntityManager()
                        .createNativeQuery("select count(*) from event_outbox where event_type = ?1 and event_key in"
                                + " (select id::text from fault_report where system = 'provsvar')")
                        .setParameter(1, EventTypes.FAULT_REPORT_RECEIVED)
                        .getSingleResult())
                .longValue());
        assertEquals(reports, outboxRows);
    }

    /** Runs {@code n} calls released at the same moment and returns their results. */
    private static List<String> atOnce(int n, Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> r : results) {
                ids.add(r.get(60, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
