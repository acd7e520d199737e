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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lets a person read the mail the local system sent: a page listing every message (newest first)
 * with links to each raw .eml, and a copy of each message in a folder.
 */
public final class MailViewer implements AutoCloseable {

    private final MailServer mail;
    private final Path folder;
    private final HttpServer server;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-saver");
        t.setDaemon(true);
        return t;
    });
    private int saved;

    public MailViewer(MailServer mail, Path folder, int port) throws IOException {
        this.mail = mail;
        this.folder = folder;
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

    private synchronized void saveNew() {
        List<MimeMessage> all = mail.received();
        for (; saved < all.size(); saved++) {
            try {
                MailServer.writeEml(all.get(saved), folder.resolve(String.format("%04d.eml", saved + 1)));
            } catch (IOException e) {
                System.err.println("[mail] cannot save message " + (saved + 1) + ": " + e.getMessage());
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        List<MimeMessage> all = mail.received();
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.matches("/\\d+\\.eml")) {
                int index = Integer.parseInt(path.substring(1, path.length() - 4)) - 1;
                if (index < 0 || index >= all.size()) {
                    send(
                            exchange,
                            404,
                            "text/plain; charset=utf-8",
                            "No such message".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                all.get(index).writeTo(raw);
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
                MimeMessage m = all.get(i);
                html.append("<tr><td><a href=\"/")
                        .append(i + 1)
                        .append(".eml\">")
                        .append(i + 1)
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
