package se.driftinfo.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The README's run command ends here: starts everything with demo data, prints where to find it, and
 * stops it all on Ctrl-C. Data is kept in {@code .local/} between runs; {@code --fresh} starts empty.
 */
public final class LocalSystem {

    private static final int MAIL_VIEWER_PORT = 8025;

    private LocalSystem() {}

    /** Held so the level setting is not garbage-collected with the logger. */
    private static final java.util.logging.Logger ROOT_LOGGER = java.util.logging.Logger.getLogger("");

    public static void main(String[] args) throws Exception {
        // The broker logs every partition it creates; a person running the system wants warnings only.
        ROOT_LOGGER.setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(System.getProperty("driftinfo.root", "."))
                .toAbsolutePath()
                .normalize();
        Path work = root.resolve(".local");
        if (List.of(args).contains("--fresh")) {
            deleteRecursively(work);
        }
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        Driftinfo system =
                Driftinfo.start(root, work, true, true, Map.of(), m -> System.out.println("[driftinfo] " + m));
        MailViewer viewer =
                new MailViewer(system.infrastructure().mail(), work.resolve("mail"), MAIL_VIEWER_PORT).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\n[driftinfo] Stopping…");
                            viewer.close();
                            system.close();
                            System.out.println("[driftinfo] Stopped. Data is kept in " + work
                                    + " (start with --fresh to wipe it).");
                            stopped.countDown();
                        },
                        "driftinfo-stop"));
        printWelcome(system, viewer, work, (System.nanoTime() - t0) / 1_000_000_000.0);
        stopped.await();
    }

    private static void printWelcome(Driftinfo system, MailViewer viewer, Path work, double seconds) {
        String m = system.service("maintenance-service").url();
        String i = system.service("incident-service").url();
        String n = system.service("notifier-service").url();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%nDriftinfo is running (started in %.0f s). Ctrl-C stops everything.%n%n", seconds));
        sb.append("  For clinics\n");
        sb.append("    Status page, subscribe         ").append(n).append("/driftinfo\n");
        sb.append("    Calendar feed, all windows     ").append(n).append("/feeds/all.ics\n");
        sb.append("    Calendar feed, Norrbotten      ").append(n).append("/feeds/regions/norrbotten.ics\n");
        sb.append("    Report a fault (felanmälan)    ").append(i).append("/felanmalan\n");
        sb.append("  For the helpdesk and planners\n");
        sb.append("    Helpdesk (operator)            ").append(i).append("/helpdesk\n");
        sb.append("    Planning (planner)             ").append(m).append("/planner\n");
        sb.append("    Maintenance windows API        ").append(m).append("/api/maintenance-windows\n");
        sb.append("    Occurrences                    ").append(m).append("/api/occurrences?region=norrbotten\n");
        sb.append("  APIs (Swagger UI at /q/swagger-ui, health at /q/health/ready, metrics at /q/metrics)\n");
        for (ServiceProcess p : system.services()) {
            sb.append(String.format(
                    "    %-30s %s/q/swagger-ui   (pid %d, %d MiB, log %s)%n",
                    p.name(),
                    p.url(),
                    p.pid(),
                    p.rssMiB(),
                    work.relativize(work.resolve("logs/" + p.name() + ".log"))));
        }
        sb.append("  Mail the system sent            ").append(viewer.url()).append("  (also .local/mail/*.eml)\n");
        sb.append("  Kafka                           ")
                .append(system.infrastructure().kafka().bootstrapServers())
                .append('\n');
        sb.append("  PostgreSQL                      ")
                .append(system.infrastructure().postgres().jdbcUrl("<maintenance|incident|notifier>"))
                .append("  (user = password = database)\n\n");
        String issuer = system.infrastructure().identity().orElseThrow().issuer();
        sb.append("  Sign-in (Keycloak, realm ")
                .append(IdentityServer.REALM)
                .append(")   ")
                .append(issuer)
                .append('\n');
        sb.append("  Demo accounts (password = name + \"-demo\", e.g. planner / planner-demo)\n");
        sb.append("    planner               plans maintenance windows in every region\n");
        sb.append("    planner-norrbotten    plans Norrbotten's windows only\n");
        sb.append("    operator              triages fault reports and declares outages in every region\n");
        sb.append("    operator-norrbotten   the same, Norrbotten only\n");
        sb.append("    admin                 replays dead letters, requeues parked outbox rows (APIs)\n\n");
        sb.append("  Try:  TOKEN=$(curl -s -d grant_type=password -d client_id=")
                .append(IdentityServer.CLIENT_ID)
                .append(" -d client_secret=")
                .append(IdentityServer.CLIENT_SECRET)
                .append(" -d username=planner -d password=planner-demo ")
                .append(issuer)
                .append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        sb.append("        curl -H \"Authorization: Bearer $TOKEN\" ").append(m).append("/api/maintenance-windows\n");
        System.out.println(sb);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
