package se.driftinfo.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the real infrastructure once per test JVM and points the service under test at it.
 * Use with {@code @WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name =
 * "database", value = "maintenance"))}; tests read mail and Kafka through {@link #infrastructure()}.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static Infrastructure infrastructure;
    private String database = "maintenance";

    /** The running infrastructure; started lazily, stopped when the test JVM exits. */
    public static synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            try {
                Path dir = Files.createTempDirectory("driftinfo-test-");
                // Modules whose tests sign staff in set localinfra.identity=true (their surefire config).
                infrastructure =
                        Infrastructure.start(dir, false, 0, Boolean.getBoolean("localinfra.identity") ? 0 : -1);
                Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test infrastructure", e);
            }
        }
        return infrastructure;
    }

    /** Reads and writes the test broker's topics. */
    public static KafkaTestClient kafka() {
        return new KafkaTestClient(infrastructure().kafka().bootstrapServers());
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = infrastructure();
        Map<String, String> config = new java.util.HashMap<>(infra.oidcConfig());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url",
                infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username",
                database,
                "quarkus.datasource.password",
                database,
                "kafka.bootstrap.servers",
                infra.kafka().bootstrapServers()));
        if (database.equals("notifier")) {
            // Only the notifier sends mail. The others validate every driftinfo.* key they are given
            // and would refuse to start with SMTP settings they have no mapping for.
            config.put("driftinfo.smtp.host", "127.0.0.1");
            config.put("driftinfo.smtp.port", String.valueOf(infra.mail().port()));
        }
        return config;
    }

    @Override
    public void stop() {
        // Kept running for the next test class in this JVM; the shutdown hook stops it.
    }
}
