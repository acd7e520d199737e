package se.driftinfo.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import se.driftinfo.contracts.Topics;

/**
 * Kafka, PostgreSQL and SMTP together, with the topics and one database per service. Started once per
 * test JVM by {@link InfraTestResource} and once by {@link LocalSystem} for the local run.
 */
public final class Infrastructure implements AutoCloseable {

    /** One database (and owner) per service: services share no tables. */
    public static final List<String> DATABASES = List.of("maintenance", "incident", "notifier");

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final MailServer mail;

    private Infrastructure(PostgresServer postgres, KafkaBroker kafka, MailServer mail) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
    }

    /**
     * @param workDir where data lives
     * @param keepData keep database and broker data between starts (local run) or start empty (tests)
     * @param smtpPort a fixed SMTP port, or 0 for any free one
     */
    public static Infrastructure start(Path workDir, boolean keepData, int smtpPort) throws IOException {
        long t0 = System.nanoTime();
        PostgresServer postgres = new PostgresServer(workDir.resolve("postgres"), Ports.free(), keepData).start();
        for (String db : DATABASES) {
            postgres.createDatabase(db);
        }
        long t1 = System.nanoTime();
        KafkaBroker kafka = new KafkaBroker(workDir.resolve("kafka"), Ports.free()).start();
        kafka.createTopics(Set.of(Topics.MAINTENANCE, Topics.INCIDENTS), Set.of(Topics.CATALOG));
        long t2 = System.nanoTime();
        MailServer mail = new MailServer(smtpPort == 0 ? Ports.free() : smtpPort).start();
        System.out.printf(
                "[infra] PostgreSQL :%d ready in %d ms, Kafka %s ready in %d ms, SMTP :%d%n",
                postgres.port(), (t1 - t0) / 1_000_000, kafka.bootstrapServers(), (t2 - t1) / 1_000_000, mail.port());
        return new Infrastructure(postgres, kafka, mail);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MailServer mail() {
        return mail;
    }

    @Override
    public void close() {
        mail.close();
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[infra] PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
