package se.driftinfo.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The system the scripts in {@code bench/} measure: the local run (profile {@code local}, demo data) on
 * free ports and a fresh directory, so a benchmark never meets a developer's {@code ./run-local} or
 * another benchmark. When everything is ready it writes {@code system.env} into its directory, for a
 * shell to {@code source}, and runs until it gets SIGTERM.
 *
 * <pre>
 * java … se.driftinfo.infra.BenchSystem DIR [service:property=value …]
 * </pre>
 */
public final class BenchSystem {

    private BenchSystem() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BenchSystem DIR [service:property=value ...]");
            System.exit(2);
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(System.getProperty("driftinfo.root", "."))
                .toAbsolutePath()
                .normalize();
        Path work = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(work);
        Map<String, Map<String, String>> serviceConfig = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int colon = a.indexOf(':');
            int eq = a.indexOf('=');
            if (colon < 1 || eq < colon) {
                System.err.println("not service:property=value: " + a);
                System.exit(2);
            }
            serviceConfig
                    .computeIfAbsent(a.substring(0, colon), k -> new LinkedHashMap<>())
                    .put(a.substring(colon + 1, eq), a.substring(eq + 1));
        }
        Infrastructure infra = Infrastructure.start(work, false, 0, 0);
        Driftinfo system = Driftinfo.start(root, work, infra, serviceConfig, m -> System.out.println("[bench] " + m));
        HttpServer mailStats = mailStats(infra.mail());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mailStats.stop(0);
                            system.close();
                            stopped.countDown();
                        },
                        "bench-stop"));
        writeEnv(system, work.resolve("system.env"), mailStats.getAddress().getPort());
        System.out.println("[bench] ready: " + work.resolve("system.env"));
        stopped.await();
    }

    /**
     * {@code GET /delivered?to=SUFFIX} answers {@code COUNT FIRST LAST}: how many copies the SMTP server
     * accepted for addresses ending with SUFFIX, and when the first and the last were accepted (epoch
     * ms, 0 when none). Read-only: a benchmark times a fan-out where the mail arrives, not where it is
     * sent.
     */
    private static HttpServer mailStats(MailServer mail) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/delivered", exchange -> {
            String suffix = to(exchange).toLowerCase(Locale.ROOT);
            List<MailServer.Delivered> copies = mail.deliveredTo(suffix);
            long first = copies.stream()
                    .mapToLong(MailServer.Delivered::epochMillis)
                    .min()
                    .orElse(0);
            long last = copies.stream()
                    .mapToLong(MailServer.Delivered::epochMillis)
                    .max()
                    .orElse(0);
            byte[] body = (copies.size() + " " + first + " " + last + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // GET /message?to=ADDRESS: the first message that mailbox received, as the server stored it, so
        // that the fan-out's reference can send the very same bytes (404 when there is none).
        server.createContext("/message", exchange -> {
            String address = to(exchange);
            var message = mail.firstTo(address);
            if (message.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            var bytes = new ByteArrayOutputStream();
            try {
                message.get().writeTo(bytes);
            } catch (MessagingException e) {
                throw new IOException("Cannot write the message to " + address, e);
            }
            exchange.getResponseHeaders().set("Content-Type", "message/rfc822");
            exchange.sendResponseHeaders(200, bytes.size());
            try (OutputStream out = exchange.getResponseBody()) {
                bytes.writeTo(out);
            }
        });
        // POST /purge: forgets every message, so that each measured load meets an empty server (GreenMail
        // keeps all it receives in memory and slows down as it fills).
        server.createContext("/purge", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
                return;
            }
            mail.purge();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** The {@code to} parameter of a request ({@code ?to=…}, the only one these endpoints take), or "". */
    private static String to(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        return query != null && query.startsWith("to=")
                ? URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8)
                : "";
    }

    private static void writeEnv(Driftinfo system, Path file, int mailStatsPort) throws IOException {
        Infrastructure infra = system.infrastructure();
        StringBuilder env = new StringBuilder();
        for (ServiceProcess p : system.services()) {
            String var = p.name().replace("-service", "").toUpperCase();
            env.append(var).append("_URL=").append(p.url()).append('\n');
            env.append(var).append("_PID=").append(p.pid()).append('\n');
        }
        env.append("SMTP_PORT=").append(infra.mail().port()).append('\n');
        env.append("MAIL_STATS_URL=http://127.0.0.1:").append(mailStatsPort).append("/delivered\n");
        env.append("MAIL_MESSAGE_URL=http://127.0.0.1:").append(mailStatsPort).append("/message\n");
        env.append("MAIL_PURGE_URL=http://127.0.0.1:").append(mailStatsPort).append("/purge\n");
        env.append("PG_PORT=").append(infra.postgres().port()).append('\n');
        env.append("KAFKA=").append(infra.kafka().bootstrapServers()).append('\n');
        infra.identity()
                .ifPresent(id -> env.append("ISSUER=").append(id.issuer()).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, env.toString());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
