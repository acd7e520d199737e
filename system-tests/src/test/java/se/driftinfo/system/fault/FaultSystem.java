package se.driftinfo.system.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import se.driftinfo.infra.Driftinfo;
import se.driftinfo.infra.IdentityServer;
import se.driftinfo.infra.Infrastructure;
import se.driftinfo.infra.MailServer;
import se.driftinfo.infra.ServiceProcess;
import se.driftinfo.system.RunningSystem;

/**
 * A Driftinfo of the fault suite's own, separate from the system the other system tests share
 * ({@link RunningSystem}), because its cases stop the broker, restart the database, make the mail
 * server refuse and kill services. Its own PostgreSQL, Kafka and SMTP server (with fault controls);
 * sign-in through the shared system's Keycloak, which no case touches.
 *
 * <p>It runs a copy of the packaged services taken at its start, so a build elsewhere that replaces
 * {@code target/quarkus-app} cannot change what a restarted service runs half-way through.
 *
 * <p>Only time constants differ from the local run ({@link #CONFIG}): the mail queue retries after 1 s
 * (doubling to 4 s) instead of 10 s (to 30 min), and a claimed mail's lease is 15 s instead of 5 min,
 * so that what production does in minutes happens here in seconds.
 */
final class FaultSystem implements AutoCloseable {

    /** notifier-service's settings that differ from the local run's. */
    static final Map<String, String> CONFIG = Map.of(
            "driftinfo.notifier.delivery.every", "1s",
            "driftinfo.notifier.delivery.backoff", "PT1S",
            "driftinfo.notifier.delivery.max-backoff", "PT4S",
            "driftinfo.notifier.delivery.lease", "PT15S");

    static final String MAINTENANCE = "maintenance-service";
    static final String INCIDENT = "incident-service";
    static final String NOTIFIER = "notifier-service";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Driftinfo system;
    private final Path work;
    final Mailbox mailbox;
    private boolean closed;

    private FaultSystem(Driftinfo system, Path work) {
        this.system = system;
        this.work = work;
        this.mailbox = new Mailbox(system.infrastructure().mail());
    }

    static FaultSystem start() throws Exception {
        long t0 = System.nanoTime();
        IdentityServer identity = RunningSystem.system()
                .infrastructure()
                .identity()
                .orElseThrow(() -> new IllegalStateException("The shared system has no identity provider"));
        Path root = Path.of(System.getProperty("driftinfo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createTempDirectory("driftinfo-faults-");
        Path builds = snapshot(root, work.resolve("builds"));
        Infrastructure infra = Infrastructure.startForFaults(work, identity);
        Driftinfo system;
        try {
            system = Driftinfo.start(builds, work, infra, Map.of(NOTIFIER, CONFIG), m -> FaultLog.line("%s", m));
        } catch (Exception e) {
            infra.close();
            throw e;
        }
        FaultLog.line(
                "fault system ready in %.1f s (logs in %s)", (System.nanoTime() - t0) / 1e9, work.resolve("logs"));
        FaultSystem faults = new FaultSystem(system, work);
        // Should the JVM be stopped before the suite ends, its processes must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(faults::close, "driftinfo-faults-stop"));
        return faults;
    }

    /** Copies each service's packaged application (quarkus-app) under {@code into}, as the project lays it out. */
    private static Path snapshot(Path root, Path into) throws IOException {
        for (Driftinfo.Service s : Driftinfo.SERVICES) {
            Path from = root.resolve(s.name()).resolve("target/quarkus-app");
            if (!Files.isDirectory(from)) {
                throw new IllegalStateException(
                        from + " is missing: build the services first (./mvnw install -DskipTests)");
            }
            Path to = into.resolve(s.name()).resolve("target/quarkus-app");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return into;
    }

    Driftinfo system() {
        return system;
    }

    Infrastructure infra() {
        return system.infrastructure();
    }

    MailServer mail() {
        return infra().mail();
    }

    String url(String service) {
        return system.service(service).url();
    }

    Path logs() {
        return work.resolve("logs");
    }

    /** What {@code /q/health/ready} answers: the HTTP status, or 0 when nothing answers (not listening, timeout). */
    static int readiness(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(4))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Readiness of every running process of every service, by process name. */
    Map<String, Integer> readiness() {
        Map<String, Integer> answers = new TreeMap<>();
        for (ServiceProcess p : List.copyOf(system.services())) {
            answers.put(p.name(), readiness(p.url()));
        }
        return answers;
    }

    static boolean all(Map<String, Integer> readiness, int status) {
        return readiness.values().stream().allMatch(s -> s == status);
    }

    void awaitAllReady(String when) {
        Poll.until("every service ready " + when, Duration.ofSeconds(120), this::readiness, r -> all(r, 200));
    }

    /** A connection to a service's database, as its owner. */
    Connection db(String database) throws SQLException {
        return DriverManager.getConnection(infra().postgres().jdbcUrl(database), database, database);
    }

    /** The rows a query returns, column label → value, in order. */
    List<Map<String, Object>> query(String database, String sql, Object... params) {
        try (Connection c = db(database);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + database + " failed: " + sql, e);
        }
    }

    long count(String database, String sql, Object... params) {
        Object n = query(database, sql, params).get(0).values().iterator().next();
        return ((Number) n).longValue();
    }

    /**
     * Records on every dead-letter topic ({@code driftinfo.dlq.*}), by topic: each one is an event a
     * consumer gave up on, which its read model never got. Topics that do not exist hold none.
     */
    Map<String, Long> deadLettered() {
        Map<String, Long> counts = new TreeMap<>();
        try (Admin admin = infra().kafka().admin()) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith("driftinfo.dlq."))
                    .toList();
            if (topics.isEmpty()) {
                return counts;
            }
            Map<String, TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            described.forEach((name, d) -> d.partitions().forEach(p -> {
                earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
            }));
            var first = admin.listOffsets(earliest).all().get();
            var last = admin.listOffsets(latest).all().get();
            last.forEach((tp, info) ->
                    counts.merge(tp.topic(), info.offset() - first.get(tp).offset(), Long::sum));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot count dead-lettered events", e);
        }
    }

    /**
     * Puts back what a failed case may have left broken, so the next case starts from a working
     * system: the broker and the database running, the mail server accepting, every service alive.
     */
    void heal() throws Exception {
        if (!infra().postgres().isRunning()) {
            FaultLog.line("heal: starting PostgreSQL again");
            infra().postgres().start();
        }
        if (!infra().kafka().isRunning()) {
            FaultLog.line("heal: starting Kafka again");
            infra().kafka().start();
        }
        mail().refuse(MailServer.Refusal.NONE);
        mail().clearRejections();
        for (Driftinfo.Service s : Driftinfo.SERVICES) {
            if (!system.service(s.name()).isAlive()) {
                FaultLog.line("heal: starting %s again", s.name());
                system.restart(s.name(), () -> {});
            }
        }
        for (ServiceProcess replica : List.copyOf(system.services())) {
            if (Driftinfo.SERVICES.stream().noneMatch(s -> s.name().equals(replica.name()))) {
                system.stopReplica(replica);
            }
        }
        awaitAllReady("after the case");
        // A case that passed leaves no mail queued; one that failed may leave many (a fan-out cut short),
        // which would hold up the next case's mail behind them.
        long left = count("notifier", "select count(*) from delivery where status = 'PENDING'");
        if (left > 0) {
            FaultLog.line("heal: %d mails the case left queued are dropped, so the next case starts afresh", left);
            query(
                    "notifier",
                    "with dropped as (delete from delivery where status = 'PENDING' returning 1) "
                            + "select count(*) from dropped");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        system.close();
        // The copy of the packaged services is 250 MB; the logs stay for whoever reads a failure.
        try (Stream<Path> files = Files.walk(work.resolve("builds"))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            FaultLog.line("could not delete the copy of the services in %s: %s", work.resolve("builds"), e);
        }
        FaultLog.line("fault system stopped in %.1f s; logs kept in %s", (System.nanoTime() - t0) / 1e9, logs());
    }
}
