package se.driftinfo.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.driftinfo.contracts.Topics;

/** The controls fault tests use: each breaks its server the way production breaks, and repairs it. */
class FaultControlsTest {

    @TempDir
    static Path dir;

    static Infrastructure infra;

    @BeforeAll
    static void start() throws Exception {
        infra = Infrastructure.startForFaults(dir, null);
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void mailServerRefusesTheWayItIsToldAndKeepsWhatItReceived() throws Exception {
        MailServer mail = infra.mail();
        send("kept@clinic.example", "before");

        mail.refuse(MailServer.Refusal.CONNECTIONS);
        assertTrue(failure("a@clinic.example").contains("Connection refused"));
        mail.refuse(MailServer.Refusal.SERVICE_UNAVAILABLE);
        assertTrue(failure("a@clinic.example").contains("421"));
        mail.refuse(MailServer.Refusal.TRY_AGAIN_LATER);
        assertTrue(failure("a@clinic.example").contains("451"));
        assertEquals(1, mail.recipientAttempts("a@clinic.example"), "only the 451 reached RCPT");

        mail.refuse(MailServer.Refusal.NONE);
        mail.rejectPermanently("Gone@Clinic.example");
        assertTrue(failure("gone@clinic.example").contains("550"));
        send("a@clinic.example", "after");
        mail.clearRejections();
        send("gone@clinic.example", "back");

        assertEquals(
                List.of("before", "after", "back"),
                mail.arrivals().stream().map(FaultControlsTest::subject).toList());
    }

    @Test
    void aHeldAcceptanceStoresTheMessageButKeepsTheSenderWaiting() throws Exception {
        MailServer mail = infra.mail();
        MailServer.Hold hold = mail.holdAcceptance(to -> to.endsWith("@held.example"));
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            try {
                send("one@held.example", "held");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(hold.awaitHeld(Duration.ofSeconds(10)));
        assertEquals("one@held.example", hold.recipient());
        assertTrue(mail.arrivals().stream().anyMatch(m -> subject(m).equals("held")), "stored already");
        assertFalse(sender.isDone(), "the sender has not heard 250");
        hold.release();
        sender.get(10, TimeUnit.SECONDS);
    }

    @Test
    void kafkaKeepsItsRecordsThroughAStopAndAStart() throws Exception {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(producerConfig)) {
            producer.send(new ProducerRecord<>(Topics.INCIDENTS, "k", "survives"))
                    .get();
        }
        infra.kafka().stop();
        assertFalse(infra.kafka().isRunning());
        infra.kafka().start();
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "fault-controls-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig)) {
            consumer.subscribe(List.of(Topics.INCIDENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    found |= record.value().equals("survives");
                }
            }
            assertTrue(found, "the record written before the stop is there after the start");
        }
    }

    @Test
    void postgresKeepsCommittedRowsThroughAStopAndAStartAndRefusesMeanwhile() throws Exception {
        String url = infra.postgres().jdbcUrl("incident");
        try (Connection c = DriverManager.getConnection(url, "incident", "incident")) {
            c.createStatement().execute("create table survives (v text)");
            c.createStatement().execute("insert into survives values ('kept')");
        }
        infra.postgres().stop();
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "incident", "incident"));
        infra.postgres().start();
        try (Connection c = DriverManager.getConnection(url, "incident", "incident");
                ResultSet rs = c.createStatement().executeQuery("select v from survives")) {
            assertTrue(rs.next());
            assertEquals("kept", rs.getString(1));
        }
    }

    private static void send(String to, String subject) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(infra.mail().port()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "30000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("driftinfo@driftinfo.se"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Fault controls test");
        Transport.send(message);
    }

    private static String failure(String to) {
        MessagingException e = assertThrows(MessagingException.class, () -> send(to, "refused"));
        StringBuilder all = new StringBuilder();
        for (Throwable t = e;
                t != null;
                t = t instanceof MessagingException m && m.getNextException() != null
                        ? m.getNextException()
                        : t.getCause()) {
            all.append(t).append(" | ");
        }
        return all.toString();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
