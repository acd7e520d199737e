package se.driftinfo.infra;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives: tests read them, and in the
 * local run a person reads them as .eml files or on the mail page.
 *
 * <p>Started with fault controls ({@link #MailServer(int, boolean)}), its port is a gate in front of
 * GreenMail that a fault test can make behave like a mail server in trouble: {@link #refuse} (every
 * connection refused, {@code 421} or {@code 451} until told otherwise), {@link #rejectPermanently}
 * ({@code 550} for one address), and {@link #holdAcceptance} (the message is stored, but the sender
 * does not hear {@code 250} until released). Mail already received is kept through all of them.
 */
public final class MailServer implements AutoCloseable {

    /** How the server refuses mail for a while; every refusal is temporary (4xx or no answer). */
    public enum Refusal {
        /** Accepts mail normally. */
        NONE,
        /** Nothing listens: every connection is refused and open ones are dropped. */
        CONNECTIONS,
        /** Answers {@code 421} (service not available) to a new connection and to any next command. */
        SERVICE_UNAVAILABLE,
        /** Answers {@code 451} (try again later) to every recipient. */
        TRY_AGAIN_LATER
    }

    private final int port;
    private final boolean faultControls;
    private SmtpGate gate;
    private GreenMail greenMail;
    /** Every message once, in the order the server accepted it; guarded by itself. */
    private final List<MimeMessage> arrivals = new ArrayList<>();

    private final Set<MimeMessage> arrived = Collections.newSetFromMap(new IdentityHashMap<>());
    /** When each recipient's copy was accepted (epoch ms), in order; guarded by {@link #arrivals}. */
    private final List<Delivered> delivered = new ArrayList<>();

    /** One recipient's copy of a message, and when the server accepted it. */
    public record Delivered(String recipient, long epochMillis) {}

    public MailServer(int port) {
        this(port, false);
    }

    /**
     * @param faultControls put the gate in front of GreenMail, so that {@link #refuse}, {@link
     *     #rejectPermanently} and {@link #holdAcceptance} work (fault tests only)
     */
    public MailServer(int port, boolean faultControls) {
        this.port = port;
        this.faultControls = faultControls;
    }

    public MailServer start() {
        int smtpPort = faultControls ? Ports.free() : port;
        greenMail = new NoDelayGreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        recordArrivals(greenMail.getUserManager());
        if (faultControls) {
            gate = new SmtpGate(port, smtpPort);
            try {
                gate.open();
            } catch (IOException e) {
                greenMail.stop();
                throw new IllegalStateException("Cannot listen for SMTP on port " + port, e);
            }
        }
        return this;
    }

    /**
     * Refuses mail the given way until called again with {@link Refusal#NONE}; permanent rejections
     * ({@link #rejectPermanently}) stay as they are.
     */
    public void refuse(Refusal refusal) {
        try {
            gate().refuse(refusal);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen for SMTP on port " + port + " again", e);
        }
    }

    /** Answers {@code 550 5.1.1 mailbox unavailable} to every later {@code RCPT TO} for this address. */
    public void rejectPermanently(String address) {
        gate().rejectPermanently(address);
    }

    /** Forgets every {@link #rejectPermanently} address. */
    public void clearRejections() {
        gate().clearRejections();
    }

    /** How many times a sender has named this address in {@code RCPT TO}, accepted or refused. */
    public int recipientAttempts(String address) {
        return gate().attempts(address);
    }

    /**
     * Arms a hold on the next message to a recipient {@code recipient} accepts (addresses in lower
     * case): the server stores it (it is in {@link #received()} at once) but keeps the sender waiting
     * for the {@code 250} until {@link Hold#release()}, as when a connection breaks just after a
     * server took a message. One hold is armed at a time; arming another replaces it.
     */
    public Hold holdAcceptance(Predicate<String> recipient) {
        Hold hold = new Hold(recipient);
        gate().onAccepted(hold::accepted);
        return hold;
    }

    private SmtpGate gate() {
        if (gate == null) {
            throw new IllegalStateException("This mail server was started without fault controls");
        }
        return gate;
    }

    /** A held acceptance (see {@link #holdAcceptance}). */
    public final class Hold {
        private final Predicate<String> wanted;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicBoolean taken = new AtomicBoolean();
        private volatile String recipient;

        private Hold(Predicate<String> wanted) {
            this.wanted = wanted;
        }

        private void accepted(List<String> recipients) {
            String match = recipients.stream().filter(wanted).findFirst().orElse(null);
            if (match == null || !taken.compareAndSet(false, true)) {
                return;
            }
            recipient = match;
            held.countDown();
            try {
                // Bounded, so that a test that forgets to release cannot hang the server for ever.
                released.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits until a wanted message has been stored and its sender is being kept waiting. */
        public boolean awaitHeld(Duration timeout) throws InterruptedException {
            return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The recipient of the held message (lower case), once held. */
        public String recipient() {
            return recipient;
        }

        /** Lets the sender hear its {@code 250} (if it is still there) and disarms the hold. */
        public void release() {
            released.countDown();
            gate().onAccepted(null);
        }
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
            long now = System.currentTimeMillis();
            synchronized (arrivals) {
                delivered.add(new Delivered(recipient.getEmail().toLowerCase(java.util.Locale.ROOT), now));
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

    /**
     * Copies accepted for recipients whose address ends with {@code suffix} (lower case), with when
     * each was accepted: what a benchmark reads to time a fan-out from outside the sender.
     */
    public List<Delivered> deliveredTo(String suffix) {
        synchronized (arrivals) {
            return delivered.stream()
                    .filter(d -> d.recipient().endsWith(suffix))
                    .toList();
        }
    }

    /** The first message the mailbox of {@code address} received, if any (the address in any case). */
    public Optional<MimeMessage> firstTo(String address) {
        return greenMail
                .findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .findFirst();
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
                delivered.clear();
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

    /**
     * GreenMail whose SMTP connections send each reply at once. GreenMail writes a reply and its line
     * end in two writes; with Nagle's algorithm on, the second waits for the client's delayed ACK, so
     * every command took 40 ms and every mail about 200 ms (4 mails a second, whatever the machine).
     */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(config, managers);
            for (ServerSetup setup : config) {
                if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                    services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                        @Override
                        protected void handleClientSocket(Socket socket) throws SocketException {
                            socket.setTcpNoDelay(true);
                            super.handleClientSocket(socket);
                        }
                    });
                }
            }
            return services;
        }
    }

    @Override
    public void close() {
        if (gate != null) {
            gate.close();
            gate = null;
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
