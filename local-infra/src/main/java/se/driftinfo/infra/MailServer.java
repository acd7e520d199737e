package se.driftinfo.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives: tests read them, and in the
 * local run a person reads them as .eml files or on the mail page.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;

    public MailServer(int port) {
        this.port = port;
    }

    public MailServer start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Waits until at least {@code count} messages in all have arrived; returns all received. */
    public List<MimeMessage> awaitMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> all = received();
            if (all.size() >= count) {
                return all;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Expected " + count + " mail(s) within " + timeout + ", got "
                + received().size());
    }

    /** Forgets all received mail (between tests). */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot purge mailboxes", e);
        }
    }

    /** Writes a received message as an .eml file a mail program can open. */
    public static void writeEml(MimeMessage message, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("Cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
