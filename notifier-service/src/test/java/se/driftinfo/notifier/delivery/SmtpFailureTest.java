package se.driftinfo.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.MailServer;
import se.driftinfo.infra.Ports;

/**
 * Gap 5: which SMTP failures are permanent. First the classifier on its own, then over a real SMTP
 * conversation: Vert.x' mail client (what Quarkus Mailer sends with) against a small scripted server
 * that refuses chosen recipients, so the exceptions are the ones production sees; and against
 * local-infra's GreenMail started with fault controls (the shared test server accepts every recipient).
 */
class SmtpFailureTest {

    static Vertx vertx;
    static ScriptedSmtpServer server;
    static MailClient client;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        server = new ScriptedSmtpServer(Map.of(
                "gone@hc.example", "550 5.1.1 <gone@hc.example>: Recipient address rejected: User unknown",
                "full@hc.example", "452 4.2.2 Mailbox full, try again later",
                "relay@other.example", "554 5.7.1 Relay access denied"));
        client = MailClient.create(
                vertx,
                new MailConfig()
                        .setHostname("127.0.0.1")
                        .setPort(server.port())
                        .setStarttls(StartTLSOptions.DISABLED)
                        .setKeepAlive(false));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("gap 5: 5xx is permanent, 4xx and unreachable servers are transient")
    void theReplyCodeDecides() {
        assertTrue(SmtpFailure.of(new SMTPException("recipient address not accepted", 550, List.of("550 5.1.1"), false))
                .permanent());
        assertFalse(SmtpFailure.of(new SMTPException("try later", 451, List.of("451 4.3.0"), false))
                .permanent());
        assertFalse(SmtpFailure.of(new ConnectException("Connection refused")).permanent());
        assertFalse(SmtpFailure.of(new IllegalStateException("something else")).permanent(), "unknown: retried");
    }

    @Test
    void aRefusalWrappedByTheBlockingMailerIsStillRecognised() {
        SmtpFailure failure = SmtpFailure.of(new CompletionException(
                new SMTPException("recipient address not accepted", 553, List.of("553 5.1.3 bad address"), false)));
        assertTrue(failure.permanent());
        assertTrue(failure.message().startsWith("553 "), failure.message());
    }

    @Test
    @DisplayName("gap 5: a real 550 for an unknown mailbox is permanent, with the server's words kept")
    void anUnknownMailboxOverSmtpIsPermanent() {
        SmtpFailure failure = send("gone@hc.example");
        assertTrue(failure.permanent(), failure.message());
        assertTrue(failure.message().startsWith("550 "), failure.message());
        assertTrue(failure.message().contains("User unknown"), failure.message());
        assertTrue(send("relay@other.example").permanent(), "554 relay denied");
    }

    @Test
    void aFullMailboxOverSmtpIsTransient() {
        SmtpFailure failure = send("full@hc.example");
        assertFalse(failure.permanent(), failure.message());
        assertTrue(failure.message().startsWith("452 "), failure.message());
    }

    @Test
    void aServerThatIsNotThereIsTransient() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        MailClient nowhere = MailClient.create(
                vertx, new MailConfig().setHostname("127.0.0.1").setPort(closed).setStarttls(StartTLSOptions.DISABLED));
        try {
            assertFalse(send(nowhere, "anyone@hc.example").permanent());
        } finally {
            nowhere.close();
        }
    }

    @Test
    @DisplayName("gap 5: local-infra's GreenMail with fault controls: its 550 for one address is permanent")
    void theTestMailServersRefusalsAreClassifiedAlike() throws Exception {
        try (MailServer mail = new MailServer(Ports.free(), true).start()) {
            MailClient toGreenMail = MailClient.create(
                    vertx,
                    new MailConfig()
                            .setHostname("127.0.0.1")
                            .setPort(mail.port())
                            .setStarttls(StartTLSOptions.DISABLED)
                            .setKeepAlive(false));
            try {
                mail.rejectPermanently("gone@hc.example");
                SmtpFailure gone = send(toGreenMail, "gone@hc.example");
                assertTrue(gone.permanent(), gone.message());
                assertTrue(gone.message().startsWith("550 "), gone.message());
                // A 4xx over SMTP is transient in aFullMailboxOverSmtpIsTransient (452) and in the fault suite's
                // case c (this server's 451, through the real sender); a bare client here once hung on it under load.
                toGreenMail
                        .sendMail(message("reception@hc.example"))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(20, TimeUnit.SECONDS);
                assertEquals(1, mail.received().size());
            } finally {
                toGreenMail.close();
            }
        }
    }

    @Test
    void anAcceptedMailIsNoFailure() throws Exception {
        client.sendMail(message("reception@hc.example"))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(1, server.accepted());
    }

    private static SmtpFailure send(String to) {
        return send(client, to);
    }

    private static SmtpFailure send(MailClient mailClient, String to) {
        try {
            mailClient
                    .sendMail(message(to))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return SmtpFailure.of(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the server accepted mail to " + to);
    }

    private static MailMessage message(String to) {
        return new MailMessage()
                .setFrom("driftinfo@driftinfo.se")
                .setTo(to)
                .setSubject("Test")
                .setText("Test");
    }

    /** Just enough SMTP: refuses the recipients it was given with their reply lines. */
    static final class ScriptedSmtpServer implements AutoCloseable {

        private final ServerSocket socket;
        private final Map<String, String> refusals;
        private final Thread thread;
        private final AtomicInteger accepted = new AtomicInteger();

        ScriptedSmtpServer(Map<String, String> refusals) throws IOException {
            this.socket = new ServerSocket(0);
            this.refusals = refusals;
            this.thread = new Thread(this::serve, "scripted-smtp");
            this.thread.setDaemon(true);
            this.thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        /**
         * Each connection on a thread of its own: a client that keeps a refused conversation open
         * (the mail client may close it only later) must not keep the next one waiting.
         */
        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread conversation = new Thread(() -> serve(connection), "scripted-smtp-conversation");
                    conversation.setDaemon(true);
                    conversation.start();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                converse(connection);
            } catch (IOException e) {
                // the client hung up
            }
        }

        private void converse(Socket connection) throws IOException {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = connection.getOutputStream();
            reply(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 scripted");
                } else if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    reply(out, refusals.getOrDefault(address, "250 2.1.5 OK"));
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message
                    }
                    accepted.incrementAndGet();
                    reply(out, "250 2.0.0 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK"); // MAIL FROM, RSET, NOOP
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
