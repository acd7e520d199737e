package se.driftinfo.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.driftinfo.infra.Driftinfo;
import se.driftinfo.infra.Infrastructure;
import se.driftinfo.infra.ServiceProcess;

/**
 * The whole system (infrastructure and the three packaged services, as {@code ./run-local} starts
 * them), started once per test JVM and shared by every system test: starting it costs about 40 s.
 *
 * <p>A test class declares {@code @ExtendWith(RunningSystem.class)} and then uses {@link #system()} or
 * {@link #url(String)}. The first class to need it starts it; it is stopped once, when the last test
 * of the run has finished (or, should the JVM be stopped before that, by a shutdown hook). A start
 * that failed is not tried again by every following class: they all fail with the first cause.
 *
 * <p>Tests share its data, so each test uses its own regions, systems, titles and e-mail addresses
 * where another test's could disturb its assertions.
 */
public final class RunningSystem implements BeforeAllCallback {

    private static Driftinfo system;
    private static RuntimeException failedStart;
    private static boolean stopped;

    /** The running system, started on first use. */
    public static synchronized Driftinfo system() {
        if (failedStart != null) {
            throw new IllegalStateException("The system did not start (see the first failure)", failedStart);
        }
        if (stopped) {
            throw new IllegalStateException("The system has been stopped");
        }
        if (system == null) {
            try {
                system = start();
            } catch (Exception e) {
                failedStart = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                throw failedStart;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(RunningSystem::stop, "driftinfo-system-stop"));
        }
        return system;
    }

    /** The base URL of a service (it can change only if a test restarts the service). */
    public static String url(String service) {
        return system().service(service).url();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        system();
        // The root context's store is closed when the whole run ends: stop the system then, once.
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(RunningSystem.class))
                .computeIfAbsent(RunningSystem.class, k -> (AutoCloseable) RunningSystem::stop, AutoCloseable.class);
    }

    private static Driftinfo start() throws Exception {
        Path root = Path.of(System.getProperty("driftinfo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createTempDirectory("driftinfo-system-");
        long t0 = System.nanoTime();
        Driftinfo.Progress progress = m -> System.out.println("[system-test] " + m);
        progress.step("Starting PostgreSQL, Kafka, SMTP and Keycloak (sign-in)");
        Infrastructure infra = Infrastructure.start(work, false, 0, 0);
        // A reminder 1 minute ahead besides the usual ones, looked for every 5 s, so SystemIT sees one fall
        // due within a minute of the run (a reminder is only sent if it falls due at least half its lead
        // after the announcement).
        Driftinfo started = Driftinfo.start(
                root,
                work,
                infra,
                Map.of(
                        "notifier-service",
                        Map.of(
                                "driftinfo.notifier.reminders.before", "P7D,P1D,PT1H,PT1M",
                                "driftinfo.notifier.reminders.every", "5s")),
                progress);
        System.out.printf(
                "[system-test] whole system ready in %.1f s (shared by every system test in this JVM; logs in %s)%n",
                (System.nanoTime() - t0) / 1e9, work.resolve("logs"));
        for (ServiceProcess p : started.services()) {
            System.out.printf("[system-test] %s RSS %d MiB after start%n", p.name(), p.rssMiB());
        }
        return started;
    }

    private static synchronized void stop() {
        if (system != null && !stopped) {
            stopped = true;
            long t0 = System.nanoTime();
            system.close();
            System.out.printf("[system-test] whole system stopped in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }
}
