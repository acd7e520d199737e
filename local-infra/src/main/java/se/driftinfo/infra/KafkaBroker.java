package se.driftinfo.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) running inside this
 * JVM on loopback ports. The same server code as production, without Docker.
 *
 * <p>Fault tests stop it and start it again with {@link #stop()} and {@link #start()}: the same
 * ports and the same log directory, so committed records, offsets and consumer groups survive, as
 * they do when a production broker restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    /** Chosen on the first start and kept, so a restarted broker is the same quorum voter. */
    private int controllerPort;

    private KafkaRaftServer server;

    public KafkaBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts the broker, or starts it again after {@link #stop()} on the same ports and data; returns
     * once it answers. Starting a running broker is a mistake and fails.
     */
    public synchronized KafkaBroker start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("The Kafka broker on port " + port + " is already running");
        }
        // A broker fault must fail the test or the run, not kill the JVM that hosts it.
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka asked to exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka asked to halt(" + status + "): " + message);
        });
        if (controllerPort == 0) {
            controllerPort = Ports.free();
        }
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("log.cleaner.backoff.ms", "1000");
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "Driftinfo local Kafka broker");
        }
        format(config);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        awaitReady();
        return this;
    }

    /** Formats the storage once; a directory kept from an earlier local run is reused as it is. */
    private void format(Path config) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                new String[] {"format", "--ignore-formatted", "-t", clusterId(), "-c", config.toString()},
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException(
                    "Formatting Kafka storage failed: " + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    /** The id the kept storage was formatted with (a restart must reuse it), or a new one. */
    private String clusterId() {
        Path meta = dataDir.resolve("logs").resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties kept = new Properties();
            try (var in = Files.newInputStream(meta)) {
                kept.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + meta + "; delete .local to start afresh", e);
            }
            String id = kept.getProperty("cluster.id");
            if (id != null) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get();
                return;
            } catch (Exception e) {
                last = e;
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker did not become ready on port " + port, last);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                "10000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                "5000"));
    }

    /** Creates the topics if missing; {@code compacted} ones keep only the newest record per key. */
    public void createTopics(Set<String> plain, Set<String> compacted) {
        try (Admin admin = admin()) {
            for (String name : plain) {
                create(admin, new NewTopic(name, 3, (short) 1));
            }
            for (String name : compacted) {
                create(
                        admin,
                        new NewTopic(name, 3, (short) 1)
                                .configs(
                                        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(Set.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the broker (a controlled shutdown, as when a pod is stopped), keeping its data; clients
     * see their connections refused until {@link #start()}. Stopping a stopped broker does nothing.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Whether the broker is running (between {@link #start()} and {@link #stop()}). */
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
