package se.driftinfo.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lets a person read the mail the local system sent: a page listing every message (newest first)
 * with links to each raw .eml, and a copy of each message in a folder, numbered in order of arrival
 * ({@code 0001-subject.eml}); a restart with kept data goes on from the highest number there.
 */
public final class MailViewer implements AutoCloseable {

    private static final Pattern NUMBERED = Pattern.compile("(\\d{4,})(-.*)?\\.eml");

    private final MailServer mail;
    private final Path folder;
    private final HttpServer server;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-saver");
        t.setDaemon(true);
        return t;
    });
    /** This run's messages as saved, in order of arrival; guarded by {@code this}. */
    private final List<Saved> saved = new ArrayList<>();
    /** The number the first message of this run gets: after the files a previous run kept. */
    private final int firstNumber;

    /** One message and the number (and file) it was saved under. */
    private record Saved(int number, String file, MimeMessage message) {}

    public MailViewer(MailServer mail, Path folder, int port) throws IOException {
        this.mail = mail;
        this.folder = folder;
        this.firstNumber = highestNumber(folder) + 1;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
    }

    public MailViewer start() {
        server.start();
        saver.scheduleWithFixedDelay(this::saveNew, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    /**
     * Saves each message that arrived since the last call, once, as {@code 0001-subject.eml},
     * numbered in order of arrival.
     */
    synchronized void saveNew() {
        List<MimeMessage> all = mail.arrivals();
        while (saved.size() < all.size()) {
            MimeMessage message = all.get(saved.size());
            int number = firstNumber + saved.size();
            String file = String.format("%04d-%s.eml", number, slug(subject(message)));
            try {
                MailServer.writeEml(message, folder.resolve(file));
            } catch (IOException e) {
                System.err.println("[mail] cannot save message " + number + ": " + e.getMessage());
            }
            saved.add(new Saved(number, file, message));
        }
    }

    private synchronized List<Saved> saved() {
        saveNew();
        return List.copyOf(saved);
    }

    /** The highest number among the .eml files a previous run left, or 0. */
    private static int highestNumber(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> NUMBERED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElse(0);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** A file-name part a person recognises: "Bekräfta din prenumeration" becomes bekrafta-din-prenumeration. */
    static String slug(String subject) {
        String ascii = Normalizer.normalize(subject, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "mail" : slug;
    }

    private void handle(HttpExchange exchange) throws IOException {
        List<Saved> all = saved();
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.matches("/\\d+\\.eml")) {
                int index = Integer.parseInt(path.substring(1, path.length() - 4)) - firstNumber;
                if (index < 0 || index >= all.size()) {
                    send(
                            exchange,
                            404,
                            "text/plain; charset=utf-8",
                            "No such message".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                all.get(index).message().writeTo(raw);
                send(exchange, 200, "message/rfc822", raw.toByteArray());
                return;
            }
            StringBuilder html = new StringBuilder("<!doctype html><html lang=en><meta charset=utf-8>"
                    + "<title>Driftinfo local mail</title><style>body{font-family:sans-serif;margin:2em}"
                    + "td,th{padding:.3em .8em;text-align:left;border-bottom:1px solid #ddd}</style>"
                    + "<h1>Mail sent by the local Driftinfo</h1><p>" + all.size() + " message(s); saved as .eml in "
                    + escape(folder.toString()) + ". Refresh to see new ones.</p>"
                    + "<table><tr><th>#</th><th>To</th><th>Subject</th><th>Sent</th></tr>");
            for (int i = all.size() - 1; i >= 0; i--) {
                MimeMessage m = all.get(i).message();
                html.append("<tr><td><a href=\"/")
                        .append(all.get(i).number())
                        .append(".eml\" title=\"")
                        .append(escape(all.get(i).file()))
                        .append("\">")
                        .append(all.get(i).number())
                        .append("</a></td><td>")
                        .append(escape(addresses(m.getAllRecipients())))
                        .append("</td><td>")
                        .append(escape(String.valueOf(m.getSubject())))
                        .append("</td><td>")
                        .append(escape(String.valueOf(m.getSentDate())))
                        .append("</td></tr>");
            }
            html.append("</table></html>");
            send(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
        } catch (MessagingException e) {
            send(
                    exchange,
                    500,
                    "text/plain; charset=utf-8",
                    ("Cannot read message: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Address a : addresses) {
            sb.append(sb.isEmpty() ? "" : ", ").append(a);
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        server.stop(0);
    }
}
