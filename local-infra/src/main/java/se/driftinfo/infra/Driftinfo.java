package se.driftinfo.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole system on one machine: infrastructure plus the three packaged services, each in its own
 * JVM with the {@code local} profile. Used by the local run and by the system tests, so what the tests
 * prove is what a developer runs.
 */
public final class Driftinfo implements AutoCloseable {

    /**
     * Service name, its database, the port it gets in the local run, whether it sends mail, and the
     * property naming its public address (for links in mail and pages), if it has one.
     */
    public record Service(String name, String database, int localPort, boolean sendsMail, String publicUrlProperty) {}

    public static final List<Service> SERVICES = List.of(
            new Service("maintenance-service", "maintenance", 8081, false, null),
            new Service("incident-service", "incident", 8082, false, null),
            new Service("notifier-service", "notifier", 8083, true, "driftinfo.notifier.public-url"));

    /** Keycloak's port in the local run, fixed so that the README's curl example works. */
    public static final int IDENTITY_PORT = 8180;

    private final Infrastructure infrastructure;
    private final List<ServiceProcess> services;
    private final Path projectRoot;
    private final Path workDir;
    private final Map<String, String> extraConfig;
    private final Map<String, Map<String, String>> serviceConfig;

    private Driftinfo(
            Infrastructure infrastructure,
            List<ServiceProcess> services,
            Path projectRoot,
            Path workDir,
            Map<String, String> extraConfig,
            Map<String, Map<String, String>> serviceConfig) {
        this.infrastructure = infrastructure;
        this.services = services;
        this.projectRoot = projectRoot;
        this.workDir = workDir;
        this.extraConfig = Map.copyOf(extraConfig);
        this.serviceConfig = Map.copyOf(serviceConfig);
    }

    /**
     * @param projectRoot where the service modules are (their target/quarkus-app is run)
     * @param workDir data and logs
     * @param fixedPorts use the documented ports 8081–8083 (local run) or free ones (tests)
     * @param extraConfig more system properties for every service
     */
    public static Driftinfo start(
            Path projectRoot,
            Path workDir,
            boolean keepData,
            boolean fixedPorts,
            Map<String, String> extraConfig,
            Progress progress)
            throws IOException, InterruptedException {
        progress.step("Starting PostgreSQL, Kafka, SMTP and Keycloak (sign-in)");
        Infrastructure infra = Infrastructure.start(workDir, keepData, 0, fixedPorts ? IDENTITY_PORT : 0);
        return start(projectRoot, workDir, infra, fixedPorts, extraConfig, Map.of(), progress);
    }

    /**
     * The three services on infrastructure the caller started (e.g. {@link Infrastructure#startForFaults}),
     * on free ports; closing the system closes that infrastructure too.
     *
     * @param serviceConfig more system properties per service name (a service refuses to start with
     *     a property under its own settings' prefix that it does not know, e.g. another service's)
     */
    public static Driftinfo start(
            Path projectRoot,
            Path workDir,
            Infrastructure infra,
            Map<String, Map<String, String>> serviceConfig,
            Progress progress)
            throws IOException, InterruptedException {
        return start(projectRoot, workDir, infra, false, Map.of(), serviceConfig, progress);
    }

    private static Driftinfo start(
            Path projectRoot,
            Path workDir,
            Infrastructure infra,
            boolean fixedPorts,
            Map<String, String> extraConfig,
            Map<String, Map<String, String>> serviceConfig,
            Progress progress)
            throws IOException, InterruptedException {
        // Replicas may be added while a test reads the list.
        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        Driftinfo system = new Driftinfo(infra, started, projectRoot, workDir, extraConfig, serviceConfig);
        try {
            for (Service s : SERVICES) {
                int port = fixedPorts ? s.localPort() : Ports.free();
                if (fixedPorts && !Ports.isFree(port)) {
                    throw new IllegalStateException("Port " + port + " for " + s.name()
                            + " is taken: is Driftinfo already running? Stop it first.");
                }
                progress.step("Starting " + s.name() + " on port " + port);
                started.add(system.launch(s, s.name(), port));
            }
            for (ServiceProcess p : started) {
                Duration took = p.awaitReady(Duration.ofSeconds(180));
                progress.step(String.format("%s ready in %.1f s (%s)", p.name(), took.toMillis() / 1000.0, p.url()));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** One process of a service: its database, the broker, the mail server and sign-in, on {@code port}. */
    private ServiceProcess launch(Service s, String processName, int port) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.profile", "local");
        config.put("quarkus.datasource.jdbc.url", infrastructure.postgres().jdbcUrl(s.database()));
        config.put("quarkus.datasource.username", s.database());
        config.put("quarkus.datasource.password", s.database());
        config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        config.putAll(infrastructure.oidcConfig());
        if (s.sendsMail()) {
            config.put("driftinfo.smtp.host", "127.0.0.1");
            config.put(
                    "driftinfo.smtp.port", String.valueOf(infrastructure.mail().port()));
        }
        if (s.publicUrlProperty() != null) {
            config.put(s.publicUrlProperty(), "http://localhost:" + port);
        }
        config.putAll(extraConfig);
        config.putAll(serviceConfig.getOrDefault(s.name(), Map.of()));
        Path jar = projectRoot.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(processName, jar, port, config, workDir.resolve("logs"));
    }

    /**
     * Starts one more process of a service on a free port, as a second pod: the same database, broker
     * and consumer group, its own HTTP port (and public address). Named {@code <service>-2},
     * {@code -3}, …; returns once it is ready. {@link #service(String)} still finds the first.
     */
    public ServiceProcess startReplica(String name) throws IOException, InterruptedException {
        Service s = SERVICES.stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
        ServiceProcess replica;
        synchronized (services) {
            replica = launch(s, name + "-" + (replicas(name).size() + 1), Ports.free());
            services.add(replica);
        }
        replica.awaitReady(Duration.ofSeconds(180));
        return replica;
    }

    /** Every running process of a service, the first one first. */
    public List<ServiceProcess> replicas(String name) {
        return services.stream()
                .filter(p -> p.name().equals(name) || p.name().matches(java.util.regex.Pattern.quote(name) + "-\\d+"))
                .toList();
    }

    /** Stops (SIGTERM) and forgets a replica started by {@link #startReplica}. */
    public void stopReplica(ServiceProcess replica) {
        if (SERVICES.stream().anyMatch(s -> s.name().equals(replica.name()))) {
            throw new IllegalArgumentException(replica.name() + " is a service's first process, not a replica");
        }
        replica.close();
        services.remove(replica);
    }

    /**
     * Kills a service at once ({@code kill -9}); {@link #restart(String, Runnable)} starts it again.
     */
    public void kill(String name) {
        service(name).kill();
    }

    /**
     * Stops a service, runs {@code whileDown}, starts it again and waits until it is ready: what a
     * pod restart does, for tests that state must survive it.
     */
    public ServiceProcess restart(String name, Runnable whileDown) throws IOException, InterruptedException {
        ServiceProcess old = service(name);
        old.close();
        whileDown.run();
        ServiceProcess fresh = old.restart();
        services.set(services.indexOf(old), fresh);
        fresh.awaitReady(Duration.ofSeconds(180));
        return fresh;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    public ServiceProcess service(String name) {
        return services.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        infrastructure.close();
    }

    /** Where start-up progress goes: the console in the local run, the test log in tests. */
    @FunctionalInterface
    public interface Progress {
        void step(String message);
    }
}
