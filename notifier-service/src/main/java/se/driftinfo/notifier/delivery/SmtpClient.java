package se.driftinfo.notifier.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Sends mail over kept-open SMTP connections (Eclipse Angus Mail), one conversation per caller at a
 * time: each sender takes an idle connection, or opens one, and gives it back after a success. The
 * message goes out through one buffered stream, so a mail costs a few writes, not one per line as
 * with the Vert.x mail client this replaced (issue #14: 40% of the notifier's CPU in a fan-out).
 *
 * <p>A connection that failed is closed, never reused: after a refusal or a timeout its state is
 * unknown. One that sat idle for a while is checked with a {@code NOOP} first and replaced if the
 * server has dropped it meanwhile (servers close idle connections), so the mail is sent once, over a
 * new connection, instead of failing.
 */
@ApplicationScoped
public class SmtpClient {

    static {
        // Every new MimeBodyPart and MimeMultipart asks StreamProvider.provider(), which without this
        // property runs a ServiceLoader lookup that reopens the application's jars each time: 40%
        // of the senders' CPU in a fan-out (issue #14). Naming the implementation skips the lookup.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    /** Idle for longer than this, a kept connection is checked before it carries a mail. */
    static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;

    private final Session session;
    private final InternetAddress from;
    private final String username;
    private final String password;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    public SmtpClient(SmtpConfig config) {
        this.session = Session.getInstance(properties(config));
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("driftinfo.smtp.from is not an address: " + config.from(), e);
        }
        this.username = config.username().orElse(null);
        this.password = config.password().orElse(null);
    }

    /** The session the messages are built in (its settings say how they are encoded). */
    public Session session() {
        return session;
    }

    /** The sender of every mail ({@code driftinfo.smtp.from}). */
    public InternetAddress from() {
        return from;
    }

    /**
     * Sends one message to its recipients.
     *
     * @throws MessagingException the server refused it (the exception chain holds its reply) or could
     *     not be reached; nothing is known to be delivered
     */
    public void send(MimeMessage message) throws MessagingException {
        Connection connection = take();
        try {
            connection.transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.lastUsed = System.nanoTime();
        idle.push(connection);
    }

    /** The connection used last (its server is the most likely still to hold it), or a new one. */
    private Connection take() throws MessagingException {
        Connection kept;
        while ((kept = idle.poll()) != null) {
            if (System.nanoTime() - kept.lastUsed < CHECK_AFTER_IDLE_NANOS || kept.transport.isConnected()) {
                return kept;
            }
            // isConnected() sent NOOP and got no answer: the server dropped it; it is closed.
            kept.close();
        }
        Transport transport = session.getTransport();
        transport.connect(username, password);
        return new Connection(transport);
    }

    @PreDestroy
    void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private static Properties properties(SmtpConfig config) {
        String protocol = config.tls() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        String timeout = String.valueOf(config.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", config.host());
        p.setProperty(prefix + "port", String.valueOf(config.port()));
        p.setProperty(prefix + "connectiontimeout", timeout);
        p.setProperty(prefix + "timeout", timeout);
        p.setProperty(prefix + "writetimeout", timeout);
        p.setProperty(prefix + "auth", String.valueOf(config.username().isPresent()));
        p.setProperty(prefix + "starttls.enable", String.valueOf(config.startTls() != SmtpConfig.StartTls.DISABLED));
        p.setProperty(prefix + "starttls.required", String.valueOf(config.startTls() == SmtpConfig.StartTls.REQUIRED));
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
        if (!config.tls()) {
            // The end of a message (".") is a small write right after the body's: with Nagle's algorithm
            // it waited for the server's delayed ACK of the body, ~40 ms per mail (issue #14). STARTTLS
            // wraps this socket, so it sends without delay too.
            p.put(prefix + "socketFactory", new NoDelaySockets());
        }
        // Addresses may hold non-ASCII letters (åsa@vård.se): sent as SMTPUTF8 where the server offers it.
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    /** Plain sockets that send each write at once (TCP_NODELAY); Angus Mail connects them itself. */
    private static final class NoDelaySockets extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
        }

        private Socket connected(InetSocketAddress remote, InetSocketAddress... local) throws IOException {
            Socket socket = createSocket();
            if (local.length > 0) {
                socket.bind(local[0]);
            }
            socket.connect(remote);
            return socket;
        }
    }

    private static final class Connection {
        final Transport transport;
        long lastUsed = System.nanoTime();

        Connection(Transport transport) {
            this.transport = transport;
        }

        void close() {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                // already gone
            }
        }
    }
}
