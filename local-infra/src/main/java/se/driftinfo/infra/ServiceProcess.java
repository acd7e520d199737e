package se.driftinfo.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own JVM, the way it
 * runs in production, with its log in a file.
 */
public final class ServiceProcess implements AutoCloseable {

    /** System property of the launching JVM: more options for every service's JVM, space-separated. */
    public static final String JVM_OPTIONS = "driftinfo.service-jvm-options";

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Process process;
    private final long startedNanos = System.nanoTime();

    private ServiceProcess(String name, int port, Path log, List<String> command, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.process = process;
    }

    /**
     * @param jar the service's quarkus-run.jar
     * @param config system properties that override its application.properties
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> config, Path logDir)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Files.deleteIfExists(log); // a restart appends; a new start begins a new log
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx384m");
        // The serial collector, as the JVM picks by itself in a pod with one CPU (k8s/), and a heap that
        // starts small and grows only as the service needs it. G1 on this heap kept ~45 MB of its own
        // structures and committed most of the heap at once: RSS after load 377-397 MiB against
        // 265-284 MiB, for the same CPU to become ready (docs/benchmarks.md, start-up and memory).
        command.add("-XX:+UseSerialGC");
        command.add("-Xms64m");
        // More JVM options for every service, from the launching JVM: ./run-local trades peak speed for
        // a faster start with -XX:TieredStopAtLevel=1; tests and benchmarks run as production does.
        for (String option : System.getProperty(JVM_OPTIONS, "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        return launch(name, port, log, command);
    }

    private static ServiceProcess launch(String name, int port, Path log, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(name, port, log, List.copyOf(command), process);
    }

    /** Stops this process and starts the same service again, same port and settings (a pod restart). */
    public ServiceProcess restart() throws IOException {
        close();
        note("restarted by the test");
        return launch(name, port, log, command);
    }

    /**
     * Kills the process at once ({@code SIGKILL}, as {@code kill -9} or the kernel's OOM killer): no
     * shutdown hook runs, no transaction completes, nothing is flushed. {@link #restart()} starts it
     * again. Returns when the process is gone.
     */
    public void kill() {
        process.destroyForcibly(); // SIGKILL on Linux and macOS
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        note("killed (SIGKILL) by the test");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A line in the service's log, so that a reader sees where a test killed or restarted it. */
    private void note(String what) {
        try {
            Files.writeString(
                    log,
                    "---- " + java.time.Instant.now() + " " + name + " " + what + " ----\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a note
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers 200; fails early if the process dies.
     *
     * @return how long after its launch the service became ready
     */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() - t0 < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + ". Its log " + log
                        + " ends with:\n" + tail(40));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name + " was not ready within " + timeout + ". Its log " + log + " ends with:\n" + tail(40));
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory in MiB, from /proc (Linux), or -1 where that is not available. */
    public long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), then insists. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
