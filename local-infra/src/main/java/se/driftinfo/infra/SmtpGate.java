package se.driftinfo.infra;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP port services talk to when {@link MailServer} is started with fault controls: it passes
 * every command and message through to GreenMail unchanged, except where a test told it to answer as
 * a mail server in trouble does (connections refused, {@code 421}, {@code 451}, {@code 550} for one
 * address) or to hold the {@code 250} after a message was accepted. Lock-step only: it removes
 * {@code PIPELINING} (and {@code CHUNKING}) from the EHLO answer, so each command gets its own reply.
 */
final class SmtpGate implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

    private final int port;
    private final int upstreamPort;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-gate-session");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private volatile MailServer.Refusal refusal = MailServer.Refusal.NONE;
    /** Told of each accepted message's recipients before the client hears 250; may block (a hold). */
    private volatile Consumer<List<String>> onAccepted = recipients -> {};

    private ServerSocket listener;
    private Thread acceptor;

    SmtpGate(int port, int upstreamPort) {
        this.port = port;
        this.upstreamPort = upstreamPort;
    }

    synchronized void open() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        acceptor = new Thread(() -> accept(socket), "smtp-gate-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Stops listening and drops every open session: new connections are refused once this returns.
     * Closing a socket that a thread is blocked accepting on does not end the listening until that
     * thread has left accept(): meanwhile the kernel still completed connections, so a client right
     * after the close met a server instead of a refusal (FaultControlsTest failed so, now and then).
     */
    private synchronized void shut() {
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                // closing anyway
            }
            listener = null;
            try {
                acceptor.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            acceptor = null;
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    void refuse(MailServer.Refusal mode) throws IOException {
        refusal = mode;
        if (mode == MailServer.Refusal.CONNECTIONS) {
            shut();
        } else {
            open();
        }
    }

    void rejectPermanently(String address) {
        rejected.add(address.toLowerCase(Locale.ROOT));
    }

    void clearRejections() {
        rejected.clear();
    }

    int attempts(String address) {
        AtomicInteger n = attempts.get(address.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    void onAccepted(Consumer<List<String>> hook) {
        onAccepted = hook == null ? recipients -> {} : hook;
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (socket.isClosed()) {
                    closeQuietly(client); // came in while the gate was being shut: refused after all
                    return;
                }
                // Each reply in one packet at once: no 40 ms wait for a delayed ACK per command.
                client.setTcpNoDelay(true);
                open.add(client);
                sessions.execute(() -> {
                    try {
                        session(client);
                    } catch (IOException e) {
                        // the client or the server went away: the client sees a broken session
                    } finally {
                        open.remove(client);
                        closeQuietly(client);
                    }
                });
            } catch (IOException e) {
                // closed by shut(): connections are refused from now on
            }
        }
    }

    private void session(Socket client) throws IOException {
        InputStream fromClient = new BufferedInputStream(client.getInputStream());
        OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
        if (refusal == MailServer.Refusal.SERVICE_UNAVAILABLE) {
            reply(toClient, "421 4.3.2 Service not available, closing transmission channel");
            return;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        server.setTcpNoDelay(true);
        open.add(server);
        try {
            relay(fromClient, toClient, server);
        } finally {
            open.remove(server);
            closeQuietly(server);
        }
    }

    private void relay(InputStream fromClient, OutputStream toClient, Socket server) throws IOException {
        InputStream fromServer = new BufferedInputStream(server.getInputStream());
        OutputStream toServer = new BufferedOutputStream(server.getOutputStream());
        relayReply(fromServer, toClient);
        List<String> recipients = new ArrayList<>();
        for (String line; (line = readLine(fromClient)) != null; ) {
            String command = line.trim().toUpperCase(Locale.ROOT);
            if (refusal == MailServer.Refusal.SERVICE_UNAVAILABLE) {
                // A server may say 421 to any command when it has to go away.
                reply(toClient, "421 4.3.2 Service not available, closing transmission channel");
                return;
            }
            if (command.startsWith("RCPT TO:")) {
                String address = address(line);
                attempts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                if (refusal == MailServer.Refusal.TRY_AGAIN_LATER) {
                    reply(toClient, "451 4.3.0 <" + address + ">: temporary failure, try again later");
                    continue;
                }
                if (rejected.contains(address)) {
                    reply(toClient, "550 5.1.1 <" + address + ">: mailbox unavailable");
                    continue;
                }
                recipients.add(address);
                send(toServer, line);
                relayReply(fromServer, toClient);
            } else if (command.startsWith("MAIL FROM:") || command.equals("RSET")) {
                recipients.clear();
                send(toServer, line);
                relayReply(fromServer, toClient);
            } else if (command.startsWith("EHLO")) {
                send(toServer, line);
                relayEhlo(fromServer, toClient);
            } else if (command.equals("DATA")) {
                send(toServer, line);
                if (relayReply(fromServer, toClient).startsWith("354")) {
                    relayData(fromClient, toServer);
                    String accepted = readReply(fromServer);
                    if (accepted.startsWith("250")) {
                        onAccepted.accept(List.copyOf(recipients));
                    }
                    toClient.write(accepted.getBytes(StandardCharsets.ISO_8859_1));
                    toClient.flush();
                }
                recipients.clear();
            } else {
                send(toServer, line);
                relayReply(fromServer, toClient);
                if (command.equals("QUIT")) {
                    return;
                }
            }
        }
    }

    /** The message itself, line by line up to the lone dot, as it comes (dot-stuffing untouched). */
    private static void relayData(InputStream fromClient, OutputStream toServer) throws IOException {
        for (String line; (line = readLine(fromClient)) != null; ) {
            toServer.write(line.getBytes(StandardCharsets.ISO_8859_1));
            if (line.equals(".\r\n") || line.equals(".\n")) {
                toServer.flush();
                return;
            }
        }
        throw new SocketException("The client went away in the middle of a message");
    }

    private static void relayEhlo(InputStream fromServer, OutputStream toClient) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : readReply(fromServer).split("\r\n")) {
            String keyword = line.length() > 4 ? line.substring(4).trim().toUpperCase(Locale.ROOT) : "";
            if (!keyword.startsWith("PIPELINING") && !keyword.startsWith("CHUNKING")) {
                lines.add(line);
            }
        }
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String code = line.length() >= 3 ? line.substring(0, 3) : line;
            String text = line.length() > 4 ? line.substring(4) : "";
            answer.append(code)
                    .append(i == lines.size() - 1 ? ' ' : '-')
                    .append(text)
                    .append("\r\n");
        }
        toClient.write(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
        toClient.flush();
    }

    private static String relayReply(InputStream fromServer, OutputStream toClient) throws IOException {
        String reply = readReply(fromServer);
        toClient.write(reply.getBytes(StandardCharsets.ISO_8859_1));
        toClient.flush();
        return reply;
    }

    /** One reply, all its lines ({@code 250-…} up to {@code 250 …}), with their line ends. */
    private static String readReply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        for (String line; (line = readLine(in)) != null; ) {
            reply.append(line.endsWith("\r\n") ? line : line.stripTrailing() + "\r\n");
            if (line.length() < 4 || line.charAt(3) != '-') {
                return reply.toString();
            }
        }
        throw new SocketException("The SMTP server closed the connection");
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        send(out, line + "\r\n");
    }

    /** A line with its line end, bytes kept as they are (ISO-8859-1 maps each byte to one char). */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) != -1; ) {
            line.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String address(String rcpt) {
        Matcher m = ADDRESS.matcher(rcpt);
        String address =
                m.find() ? m.group(1) : rcpt.substring(rcpt.indexOf(':') + 1).trim();
        return address.toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        shut();
        sessions.shutdownNow();
    }
}
