package se.driftinfo.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.driftinfo.contracts.Topics;

/**
 * Kafka, PostgreSQL, SMTP and (where staff sign in) the OIDC provider together, with the topics and one database per service. Started once per
 * test JVM by {@link InfraTestResource} and once by {@link LocalSystem} for the local run.
 */
public final class Infrastructure implements AutoCloseable {

    /** One database (and owner) per service: services share no tables. */
    public static final List<String> DATABASES = List.of("maintenance", "incident", "notifier");

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final MailServer mail;
    private final IdentityServer identity;
    /** False when the identity provider is another infrastructure's: closing this one leaves it running. */
    private final boolean ownsIdentity;

    private Infrastructure(
            PostgresServer postgres,
            KafkaBroker kafka,
            MailServer mail,
            IdentityServer identity,
            boolean ownsIdentity) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
        this.identity = identity;
        this.ownsIdentity = ownsIdentity;
    }

    /** No identity provider: for modules whose tests sign nobody in. */
    public static Infrastructure start(Path workDir, boolean keepData, int smtpPort) throws IOException {
        return start(workDir, keepData, smtpPort, -1);
    }

    /**
     * @param workDir where data lives
     * @param keepData keep database and broker data between starts (local run) or start empty (tests)
     * @param smtpPort a fixed SMTP port, or 0 for any free one
     * @param identityPort a fixed port for the OIDC provider, 0 for any free one, -1 for none
     */
    public static Infrastructure start(Path workDir, boolean keepData, int smtpPort, int identityPort)
            throws IOException {
        long t0 = System.nanoTime();
        // Keycloak takes longest to start: launch it first and let the others start meanwhile.
        IdentityServer identity = identityPort < 0
                ? null
                : new IdentityServer(workDir.resolve("keycloak"), identityPort == 0 ? Ports.free() : identityPort)
                        .launch();
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
        if (identity != null) {
            try {
                identity.awaitReady(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while Keycloak started", e);
            }
            System.out.printf(
                    "[infra] Keycloak %s ready %d ms after the start%n",
                    identity.url(), (System.nanoTime() - t0) / 1_000_000);
        }
        return new Infrastructure(postgres, kafka, mail, identity, true);
    }

    /**
     * Infrastructure for fault tests, which stop, restart and refuse things: its own empty PostgreSQL
     * and Kafka, and a mail server with fault controls ({@link MailServer#refuse} and the rest), all
     * on free ports. Sign-in uses {@code identity}, another infrastructure's provider (one Keycloak per
     * JVM: {@link Staff} asks the one that started last), which closing this one leaves running.
     */
    public static Infrastructure startForFaults(Path workDir, IdentityServer identity) throws IOException {
        long t0 = System.nanoTime();
        PostgresServer postgres = new PostgresServer(workDir.resolve("postgres"), Ports.free(), false).start();
        for (String db : DATABASES) {
            postgres.createDatabase(db);
        }
        KafkaBroker kafka = new KafkaBroker(workDir.resolve("kafka"), Ports.free()).start();
        kafka.createTopics(Set.of(Topics.MAINTENANCE, Topics.INCIDENTS), Set.of(Topics.CATALOG));
        MailServer mail = new MailServer(Ports.free(), true).start();
        System.out.printf(
                "[infra] for faults: PostgreSQL :%d, Kafka %s, SMTP :%d (with fault controls), ready in %d ms%n",
                postgres.port(), kafka.bootstrapServers(), mail.port(), (System.nanoTime() - t0) / 1_000_000);
        return new Infrastructure(postgres, kafka, mail, identity, false);
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

    /** The OIDC provider, if this infrastructure has one. */
    public java.util.Optional<IdentityServer> identity() {
        return java.util.Optional.ofNullable(identity);
    }

    /**
     * The settings that point a service's sign-in (quarkus-oidc, both tenants: pages and APIs) at the
     * local provider; empty without one.
     */
    public Map<String, String> oidcConfig() {
        if (identity == null) {
            return Map.of();
        }
        return Map.of(
                "quarkus.oidc.auth-server-url",
                identity.issuer(),
                "quarkus.oidc.client-id",
                IdentityServer.CLIENT_ID,
                "quarkus.oidc.credentials.secret",
                IdentityServer.CLIENT_SECRET);
    }

    @Override
    public void close() {
        if (identity != null && ownsIdentity) {
            identity.close();
        }
        mail.close();
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[infra] PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
