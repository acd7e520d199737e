package se.driftinfo.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's mail folder: every message the SMTP server accepted is one .eml file, numbered in
 * order of arrival, also when several arrive at once for different mailboxes.
 */
class MailViewerTest {

    @TempDir
    Path folder;

    MailServer mail;
    MailViewer viewer;

    @BeforeEach
    void startMail() {
        mail = new MailServer(Ports.free()).start();
    }

    @AfterEach
    void stop() {
        if (viewer != null) {
            viewer.close();
        }
        mail.close();
    }

    @Test
    void mailArrivingAtOnceIsSavedOnceEachNumberedInOrderOfArrival() throws Exception {
        viewer = new MailViewer(mail, folder, 0).start();
        List<String> sent = new ArrayList<>();
        // One after the other, each to a new mailbox.
        sent.add(send("Först", "zeta@vardcentral.example"));
        sent.add(send("Andra", "alfa@vardcentral.example"));
        sent.add(send("Tredje", "mu@vardcentral.example"));
        awaitFiles(3);
        // Then a burst, as when an outage is declared: outage mail to the mailboxes that exist already,
        // confirmations to new ones, one mail to two recipients. GreenMail lists mail mailbox by
        // mailbox, so mail to an older mailbox lands before mail already saved.
        List<String> existing =
                List.of("zeta@vardcentral.example", "alfa@vardcentral.example", "mu@vardcentral.example");
        List<Callable<String>> burst = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            String subject = i % 2 == 0 ? "Driftstörning: Cosmic " + i : "Bekräfta din prenumeration " + i;
            String[] to = i == 7
                    ? new String[] {existing.get(1), "ny" + i + "@vardcentral.example"}
                    : i % 2 == 0
                            ? new String[] {existing.get(i / 2 % 3)}
                            : new String[] {"ny" + i + "@vardcentral.example"};
            burst.add(() -> {
                go.await();
                return send(subject, to);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(burst.size());
        List<Future<String>> burstSent = new ArrayList<>();
        for (Callable<String> c : burst) {
            burstSent.add(pool.submit(c));
        }
        go.countDown();
        Set<String> burstIds = new HashSet<>();
        for (Future<String> f : burstSent) {
            burstIds.add(f.get());
        }
        pool.shutdown();
        sent.addAll(burstIds);
        sent.add(send("Sist", "beta@vardcentral.example"));

        List<Path> files = awaitFiles(12);

        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        for (int n = 1; n <= 12; n++) {
            String name = names.get(n - 1);
            assertTrue(name.matches(String.format("%04d-[a-z0-9-]+\\.eml", n)), name);
        }
        List<String> ids = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (Path file : files) {
            MimeMessage m = read(file);
            ids.add(m.getMessageID());
            subjects.add(m.getSubject());
        }
        assertEquals(12, new HashSet<>(ids).size(), "each message is in exactly one file: " + ids);
        assertEquals(new HashSet<>(sent), new HashSet<>(ids));
        assertEquals(List.of("Först", "Andra", "Tredje"), subjects.subList(0, 3), "in order of arrival");
        assertEquals(burstIds, new HashSet<>(ids.subList(3, 11)));
        assertEquals("Sist", subjects.get(11));
        assertEquals("0001-forst.eml", names.get(0));

        String page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(viewer.url())).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(page.contains("12 message(s)"), page);
    }

    @Test
    void aRestartWithKeptMailGoesOnFromTheHighestNumber() throws Exception {
        Files.writeString(folder.resolve("0007-from-the-last-run.eml"), "Subject: kept\r\n\r\nkept\r\n");
        viewer = new MailViewer(mail, folder, 0).start();

        String id = send("Påminnelse: FU-stopp om en dag", "clinic@vardcentral.example");

        List<Path> files = awaitFiles(2);
        assertEquals(
                "0008-paminnelse-fu-stopp-om-en-dag.eml",
                files.get(1).getFileName().toString());
        assertEquals(id, read(files.get(1)).getMessageID());
    }

    private String send(String subject, String... to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(mail.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("driftinfo@region.example"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject, "UTF-8");
        message.setText("Använd reservrutinen.", "UTF-8");
        Transport.send(message);
        return message.getMessageID();
    }

    private List<Path> awaitFiles(int count) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
            }
            if (files.size() >= count || System.nanoTime() > deadline) {
                // A moment more: a file too many would show as a wrong count below.
                Thread.sleep(1500);
                try (Stream<Path> list = Files.list(folder)) {
                    files = list.filter(f -> f.toString().endsWith(".eml"))
                            .sorted()
                            .toList();
                }
                assertEquals(count, files.size(), "files: " + files);
                return files;
            }
            Thread.sleep(100);
        }
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
