package se.driftinfo.infra;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives: tests read them, and in the
 * local run a person reads them as .eml files or on the mail page.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;
    /** Every message once, in the order the server accepted it; guarded by itself. */
    private final List<MimeMessage> arrivals = new ArrayList<>();

    private final Set<MimeMessage> arrived = Collections.newSetFromMap(new IdentityHashMap<>());

    public MailServer(int port) {
        this.port = port;
    }

    public MailServer start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        recordArrivals(greenMail.getUserManager());
        return this;
    }

    /**
     * GreenMail keeps messages per mailbox, and {@link #received()} lists them mailbox by mailbox, not
     * in the order they came. The delivery handler sees each message as it is accepted (once per
     * recipient), so it is where the order of arrival is known.
     */
    private void recordArrivals(UserManager users) {
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            var user = deliver.handle(message, recipient);
            synchronized (arrivals) {
                if (arrived.add(message.getMessage())) {
                    arrivals.add(message.getMessage());
                }
            }
            return user;
        });
    }

    public int port() {
        return port;
    }

    /** What each mailbox holds, mailbox by mailbox: a message to two recipients is listed twice. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Every message the server accepted, once each (whatever its recipients), in order of arrival. */
    public List<MimeMessage> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
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
            synchronized (arrivals) {
                arrivals.clear();
                arrived.clear();
            }
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
