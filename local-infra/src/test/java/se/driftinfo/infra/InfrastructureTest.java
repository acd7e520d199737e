package se.driftinfo.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** The three servers are real: each answers its own protocol over loopback. */
class InfrastructureTest {

    @TempDir
    static Path dir;

    static Infrastructure infra;

    @BeforeAll
    static void start() throws Exception {
        infra = Infrastructure.start(dir, false, 0);
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void eachServiceHasItsOwnDatabaseWithItsOwnOwner() throws Exception {
        for (String db : Infrastructure.DATABASES) {
            try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(db), db, db);
                    ResultSet rs =
                            c.createStatement().executeQuery("select current_database(), current_user, version()")) {
                rs.next();
                assertEquals(db, rs.getString(1));
                assertEquals(db, rs.getString(2));
                assertTrue(rs.getString(3).startsWith("PostgreSQL 17"), rs.getString(3));
            }
        }
    }

    @Test
    void catalogTopicIsCompactedAndARecordRoundTrips() throws Exception {
        try (var admin = infra.kafka().admin()) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.CATALOG);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(producerConfig)) {
            producer.send(new ProducerRecord<>(Topics.MAINTENANCE, "w1", "hello"))
                    .get();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig)) {
            consumer.subscribe(List.of(Topics.MAINTENANCE));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals("w1", r.key());
                    assertEquals("hello", r.value());
                    return;
                }
            }
        }
        throw new AssertionError("record never came back from the broker");
    }

    @Test
    void smtpServerKeepsWhatItReceives() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(infra.mail().port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("driftinfo@region.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("clinic@example.org"));
        message.setSubject("FU-stopp", "UTF-8");
        message.setText("Använd reservrutinen.", "UTF-8");
        Transport.send(message);
        MimeMessage received =
                infra.mail().awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertEquals("FU-stopp", received.getSubject());
    }
}
