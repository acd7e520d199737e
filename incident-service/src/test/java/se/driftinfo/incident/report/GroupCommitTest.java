package se.driftinfo.incident.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Reports arriving together are stored together (group commit, {@link ReportIntake}); a clinic must not
 * notice: each request is answered with its own report, once it is stored, and a report that cannot be
 * stored fails alone. Each test has a system of its own (Upstream's catalog): reports that open a burst
 * suggestion for one would take the burst lock this class holds in the other out of the way.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class GroupCommitTest {

    /** BurstDetector's first advisory-lock key. */
    private static final int SYSTEM_LOCKS = 0x42757273;

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void eachOfManyReportsAtOnceIsAnsweredWithItsOwnStoredReport() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int reports = 40;
        ExecutorService pool = Executors.newFixedThreadPool(reports);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                String description = "Report " + i + " of " + run;
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("samlingen", description);
                }));
            }
            start.countDown();

            Map<String, String> descriptionById = new HashMap<>();
            Set<String> references = new HashSet<>();
            for (int i = 0; i < reports; i++) {
                ExtractableResponse<Response> answer = answers.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(201, answer.statusCode(), answer.asString());
                descriptionById.put(answer.path("id"), "Report " + i + " of " + run);
                assertTrue(references.add(answer.path("reference")), "reference given twice");
            }
            assertEquals(reports, descriptionById.size(), "distinct ids");
            // Each id answered names the report that request sent, already stored (committed) then.
            for (Map.Entry<String, String> answered : descriptionById.entrySet()) {
                FaultReport stored = QuarkusTransaction.requiringNew()
                        .call(() -> FaultReport.<FaultReport>findById(UUID.fromString(answered.getKey())));
                assertEquals(answered.getValue(), stored.description);
            }
            Map<String, Integer> events = new HashMap<>();
            TopicReader.readUntil(Topics.INCIDENTS, Duration.ofSeconds(60), event -> {
                if (descriptionById.containsKey(event.key()) && EventTypes.FAULT_REPORT_RECEIVED.equals(event.type())) {
                    events.merge(event.key(), 1, Integer::sum);
                }
                return events.size() == reports;
            });
            assertEquals(descriptionById.keySet(), events.keySet(), "a received event per report");
            assertEquals(Set.of(1), new HashSet<>(events.values()), "received events per report");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The writer is held (this test holds the burst lock of the system it needs) while ten reports queue
     * behind it, one of which the database refuses (a trigger): they are written as one batch, which
     * fails, and then one by one. The refused one is answered 500 and stored nowhere; the others 201.
     */
    @Test
    void aReportTheDatabaseRefusesFailsAloneNotTheReportsWrittenWithIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String poison = "Refused by the database " + run;
        String sequence = "poison_attempts_" + run;
        execute("create sequence " + sequence);
        execute("create function refuse_" + run + "() returns trigger language plpgsql as $$ begin"
                + " if new.description = '" + poison + "' then perform nextval('" + sequence + "');"
                + " raise exception 'refused'; end if; return new; end $$");
        execute("create trigger refuse_" + run + " before insert on fault_report for each row execute function refuse_"
                + run + "()");
        ExecutorService pool = Executors.newFixedThreadPool(11);
        List<String> descriptions = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            descriptions.add("Queued " + i + " of " + run);
        }
        descriptions.add(4, poison);
        List<Future<ExtractableResponse<Response>>> queued = new ArrayList<>();
        Future<ExtractableResponse<Response>> first;
        try (Connection lock = database.getConnection()) {
            try {
                lockStatement(lock, "select pg_advisory_lock(" + SYSTEM_LOCKS + ", hashtext('kronoberg/avvisningen'))");
                first = pool.submit(() -> post("avvisningen", "First " + run));
                awaitWriterWaitingForLock();
                for (String description : descriptions) {
                    queued.add(pool.submit(() -> post("avvisningen", description)));
                }
                Thread.sleep(2_000); // long enough for the ten requests to queue behind the held writer
            } finally {
                lockStatement(
                        lock, "select pg_advisory_unlock(" + SYSTEM_LOCKS + ", hashtext('kronoberg/avvisningen'))");
            }

            assertEquals(201, first.get(60, TimeUnit.SECONDS).statusCode());
            for (int i = 0; i < descriptions.size(); i++) {
                ExtractableResponse<Response> answer = queued.get(i).get(60, TimeUnit.SECONDS);
                if (descriptions.get(i).equals(poison)) {
                    assertEquals(500, answer.statusCode(), answer.asString());
                } else {
                    assertEquals(201, answer.statusCode(), answer.asString());
                    String id = answer.path("id");
                    String stored = QuarkusTransaction.requiringNew()
                            .call(() -> FaultReport.<FaultReport>findById(UUID.fromString(id)).description);
                    assertEquals(descriptions.get(i), stored);
                }
            }
        } finally {
            pool.shutdownNow();
            execute("drop trigger refuse_" + run + " on fault_report");
        }
        long refused = QuarkusTransaction.requiringNew().call(() -> (Long) FaultReport.getEntityManager()
                .createQuery("select count(r) from FaultReport r where r.description = ?1")
                .setParameter(1, poison)
                .getSingleResult());
        assertEquals(0, refused, "the refused report is stored nowhere");
        // Tried with the others and then alone: the batch path, not ten transactions of one, was taken.
        assertEquals(2, queryLong("select last_value from " + sequence), "attempts to store the refused report");
    }

    private static ExtractableResponse<Response> post(String system, String description) {
        Map<String, Object> body = Requests.report("kronoberg", system);
        body.put("description", description);
        return Requests.provider()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/fault-reports")
                .then()
                .extract();
    }

    private void awaitWriterWaitingForLock() {
        Upstream.await(
                Duration.ofSeconds(30),
                "the report writer waiting for the burst lock",
                () -> queryLong("select count(*) from pg_stat_activity where wait_event = 'advisory'") > 0);
    }

    private static void lockStatement(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long queryLong(String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
