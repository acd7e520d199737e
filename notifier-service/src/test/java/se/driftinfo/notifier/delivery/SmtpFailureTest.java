package se.driftinfo.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.MailServer;
import se.driftinfo.infra.Ports;

/**
 * Gap 5: which SMTP failures are permanent. First the classifier on its own, then over a real SMTP
 * conversation: the notifier's {@link SmtpClient} against a small scripted server that refuses chosen
 * recipients, so the exceptions are the ones production sees; and against local-infra's GreenMail
 * started with fault controls (the shared test server accepts every recipient). Also the client's kept
 * connections: reused between mails, and replaced when the server has dropped one.
 */
class SmtpFailureTest {

    static ScriptedSmtpServer server;
    static SmtpClient client;

    @BeforeAll
    static void start() throws IOException {
        server = new ScriptedSmtpServer(
                Map.of(
                        "gone@hc.example", "550 5.1.1 <gone@hc.example>: Recipient address rejected: User unknown",
                        "full@hc.example", "452 4.2.2 Mailbox full, try again later",
                        "relay@other.example", "554 5.7.1 Relay access denied"),
                false);
        client = client(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    @DisplayName("gap 5: 5xx is permanent, 4xx and unreachable servers are transient")
    void theReplyCodeDecides() throws Exception {
        assertTrue(SmtpFailure.of(refused(550, "550 5.1.1 User unknown")).permanent());
        assertFalse(SmtpFailure.of(refused(451, "451 4.3.0 try later")).permanent());
        assertFalse(
                SmtpFailure.of(new MessagingException("Couldn't connect", new ConnectException("Connection refused")))
                        .permanent());
        assertFalse(SmtpFailure.of(new IllegalStateException("something else")).permanent(), "unknown: retried");
    }

    @Test
    void aRefusalNestedInTheSendFailureIsStillRecognised() throws Exception {
        SmtpFailure failure = SmtpFailure.of(refused(553, "553 5.1.3 bad address"));
        assertTrue(failure.permanent());
        assertEquals("553 5.1.3 bad address", failure.message());
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
        SmtpClient nowhere = client(closed);
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
            SmtpClient toGreenMail = client(mail.port());
            try {
                mail.rejectPermanently("gone@hc.example");
                SmtpFailure gone = send(toGreenMail, "gone@hc.example");
                assertTrue(gone.permanent(), gone.message());
                assertTrue(gone.message().startsWith("550 "), gone.message());
                // A 4xx over SMTP is transient in aFullMailboxOverSmtpIsTransient (452) and in the fault suite's
                // case c (this server's 451, through the real sender).
                toGreenMail.send(message(toGreenMail, "reception@hc.example"));
                assertEquals(1, mail.received().size());
            } finally {
                toGreenMail.close();
            }
        }
    }

    @Test
    void anAcceptedMailIsNoFailure() throws Exception {
        int before = server.accepted();
        client.send(message(client, "reception@hc.example"));
        assertEquals(before + 1, server.accepted());
    }

    @Test
    void mailAfterMailTravelsOverOneKeptConnection() throws Exception {
        try (ScriptedSmtpServer keeping = new ScriptedSmtpServer(Map.of(), false)) {
            SmtpClient kept = client(keeping.port());
            try {
                for (int i = 0; i < 3; i++) {
                    kept.send(message(kept, "reception@hc.example"));
                }
                assertEquals(3, keeping.accepted());
                assertEquals(1, keeping.connections(), "one connection for all three");
            } finally {
                kept.close();
            }
        }
    }

    @Test
    void aKeptConnectionTheServerDroppedIsReopenedAndTheMailSentOnce() throws Exception {
        try (ScriptedSmtpServer hangingUp = new ScriptedSmtpServer(Map.of(), true)) {
            SmtpClient kept = client(hangingUp.port());
            try {
                kept.send(message(kept, "reception@hc.example"));
                // The server closed the connection after its 250; the client kept it, idle, as servers do drop.
                Thread.sleep(Duration.ofNanos(SmtpClient.CHECK_AFTER_IDLE_NANOS).toMillis() + 200);
                kept.send(message(kept, "reception@hc.example"));
                assertEquals(2, hangingUp.accepted(), "each mail once");
                assertEquals(2, hangingUp.connections(), "the dropped connection replaced by a new one");
            } finally {
                kept.close();
            }
        }
    }

    private static SendFailedException refused(int code, String reply) throws Exception {
        InternetAddress to = new InternetAddress("anyone@hc.example");
        SMTPAddressFailedException nested =
                new SMTPAddressFailedException(to, "RCPT TO:<anyone@hc.example>", code, reply);
        return new SendFailedException(
                "Invalid Addresses", nested, new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {to
                });
    }

    private static SmtpFailure send(String to) {
        return send(client, to);
    }

    private static SmtpFailure send(SmtpClient smtp, String to) {
        try {
            smtp.send(message(smtp, to));
        } catch (MessagingException | RuntimeException e) {
            return SmtpFailure.of(e);
        }
        throw new AssertionError("the server accepted mail to " + to);
    }

    private static MimeMessage message(SmtpClient smtp, String to) {
        try {
            MimeMessage message = new MimeMessage(smtp.session());
            message.setFrom(smtp.from());
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            message.setSubject("Test", "UTF-8");
            message.setText("Test", "UTF-8");
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static SmtpClient client(int port) {
        return new SmtpClient(new TestSmtp(port));
    }

    /** The notifier's test settings: plain SMTP on loopback, a short timeout. */
    private record TestSmtp(int port) implements SmtpConfig {
        @Override
        public String from() {
            return "Driftinfo <driftinfo@driftinfo.se>";
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public Optional<String> username() {
            return Optional.empty();
        }

        @Override
        public Optional<String> password() {
            return Optional.empty();
        }

        @Override
        public boolean tls() {
            return false;
        }

        @Override
        public StartTls startTls() {
            return StartTls.DISABLED;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(10);
        }
    }

    /** Just enough SMTP: refuses the recipients it was given with their reply lines. */
    static final class ScriptedSmtpServer implements AutoCloseable {

        private final ServerSocket socket;
        private final Map<String, String> refusals;
        private final Thread thread;
        private final boolean hangUpAfterMail;
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger connections = new AtomicInteger();

        /** @param hangUpAfterMail close each connection right after accepting a mail, as a server dropping it would */
        ScriptedSmtpServer(Map<String, String> refusals, boolean hangUpAfterMail) throws IOException {
            this.socket = new ServerSocket(0);
            this.refusals = refusals;
            this.hangUpAfterMail = hangUpAfterMail;
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

        int connections() {
            return connections.get();
        }

        /**
         * Each connection on a thread of its own: a client that keeps a refused conversation open
         * (the mail client may close it only later) must not keep the next one waiting.
         */
        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
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
                    if (hangUpAfterMail) {
                        return;
                    }
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
