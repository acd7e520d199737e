package se.driftinfo.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.infra.InfraTestResource;

/**
 * The consumer envelope: the ledger row and the change commit or roll back together, so a redelivered
 * event changes nothing twice and a failed one is handled when it comes again.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class IdempotentConsumerTest {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    RegionRecorder recorder;

    @Inject
    EntityManager em;

    @Inject
    DeadLetters deadLetters;

    @Test
    void aRedeliveredRecordChangesNothingTheSecondTime() {
        String consumer = "redelivery-" + UUID.randomUUID();
        ConsumerRecord<String, String> record = record(UUID.randomUUID(), region("norrbotten", "Region Norrbotten"));

        assertTrue(consume(consumer, record));
        assertFalse(consume(consumer, record), "the second delivery is recognised by its ce_id");

        assertEquals(1, recorded(record));
        assertEquals(1, ledgerRows(consumer, record));
    }

    @Test
    void aFailedHandlingLeavesNoLedgerRowSoTheRedeliveryIsHandled() {
        String consumer = "failure-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        ConsumerRecord<String, String> failing = record(id, region("dalarna", RegionRecorder.FAIL));

        assertThrows(IllegalStateException.class, () -> consume(consumer, failing));
        assertEquals(0, ledgerRows(consumer, failing), "the ledger row rolled back with the failed change");

        // The same event again (after a fix, or from the dead-letter topic): handled now.
        ConsumerRecord<String, String> redelivered = record(id, region("dalarna", "Region Dalarna"));
        assertTrue(consume(consumer, redelivered));
        assertEquals(1, recorded(redelivered));
        assertEquals(1, ledgerRows(consumer, redelivered));
    }

    @Test
    void aRecordWithoutCeIdIsRefused() {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(RegionRecorder.TOPIC, 0, 0, "kronoberg", region("kronoberg", "Region Kronoberg"));
        header(record, "ce_type", EventTypes.REGION_PUBLISHED);

        assertThrows(IllegalArgumentException.class, () -> consume("no-id-" + UUID.randomUUID(), record));
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from recorded_region where code = ?1")
                                .setParameter(1, "kronoberg")
                                .getSingleResult())
                        .longValue());
        assertEquals(0, rows);
    }

    /** End to end through the broker and the kit's shared consumer settings. */
    @Test
    void overKafkaARedeliveryIsAbsorbedAndARecordWithoutCeIdGoesToTheDeadLetterTopic() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var kafka = InfraTestResource.kafka();
        UUID twice = kafka.publish(
                RegionRecorder.TOPIC,
                run,
                EventTypes.REGION_PUBLISHED,
                "/test",
                region(run + "-twice", "Region Värmland"));
        kafka.publish(
                RegionRecorder.TOPIC,
                run,
                twice,
                EventTypes.REGION_PUBLISHED,
                "/test",
                region(run + "-twice", "Region Värmland"));
        sendWithoutCeId(run + "-no-id");
        // Same key, same partition: once this one is recorded, the ones before it were consumed.
        kafka.publish(
                RegionRecorder.TOPIC,
                run,
                EventTypes.REGION_PUBLISHED,
                "/test",
                region(run + "-last", "Region Jämtland"));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (countCode(run + "-last") == 0 && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals(1, countCode(run + "-last"));
        assertEquals(1, countCode(run + "-twice"), "the redelivered event was handled once");
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        kafka.readUntil("driftinfo.dlq.service-kit-test", Duration.ofSeconds(30), r -> {
            if (r.value().contains(run + "-no-id")) {
                dead.add(r);
            }
            return !dead.isEmpty();
        });
        // What docs/operations.md tells an operator to look at: why it failed, and the original attributes.
        assertEquals(EventTypes.REGION_PUBLISHED, header(dead.get(0), "ce_type"));
        assertTrue(
                header(dead.get(0), "dead-letter-reason").contains("ce_id"), header(dead.get(0), "dead-letter-reason"));
        assertEquals(RegionRecorder.TOPIC, header(dead.get(0), "dead-letter-topic"));
    }

    /** Gap 1: a passing database failure is waited out, not dead-lettered. */
    @Test
    void aTransientDatabaseFailureIsRetriedAndTheEventAppliedOnce() {
        String consumer = "transient-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        ConsumerRecord<String, String> record = record(id, region("jamtland", RegionRecorder.TRANSIENT + "2"));

        assertTrue(consume(consumer, record), "handled after two statement timeouts");

        assertEquals(3, RegionRecorder.ATTEMPTS.get(id).get(), "two failed attempts, then the one that worked");
        assertEquals(1, recorded(record));
        assertEquals(1, ledgerRows(consumer, record));
    }

    /** Each attempt needs a transaction of its own: a caller's transaction would make retries impossible. */
    @Test
    void consumingInsideATransactionIsRefused() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID(), region("dalarna", "Region Dalarna"));
        assertThrows(jakarta.transaction.TransactionalException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> inbox.consume("in-tx-" + UUID.randomUUID(), record, recorder.handler())));
        assertEquals(0, recorded(record));
    }

    /**
     * Gap 1 over the broker: a transient failure is retried in place (later records of the partition
     * wait), a permanent one goes to the dead-letter topic with headers naming the cause, and once the
     * cause is fixed the replay applies it exactly once, however often it is run.
     */
    @Test
    void overKafkaTransientFailuresAreRetriedPermanentOnesDeadLetteredAndReplayedOnce() {
        String run = run();
        String broken = "broken " + run;
        Published published =
                publishAroundABrokenOne(RegionRecorder.TOPIC, run, run + "-transient", RegionRecorder.TRANSIENT + "2");
        UUID passing = published.first();
        UUID failing = published.broken();
        assertEquals(1, countCode(run + "-transient"), "applied once, after the retries");
        assertEquals(3, RegionRecorder.ATTEMPTS.get(passing).get());
        assertEquals(0, countCode(run + "-broken"));

        // Same key, same dead-letter partition: had the passing one been dead-lettered, it would come first.
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        InfraTestResource.kafka().readUntil("driftinfo.dlq.service-kit-test", Duration.ofSeconds(30), r -> {
            String id = header(r, "ce_id");
            if (passing.toString().equals(id) || failing.toString().equals(id)) {
                dead.add(r);
            }
            return failing.toString().equals(id);
        });
        assertEquals(1, dead.size(), "only the permanent failure is dead-lettered");
        ConsumerRecord<String, String> letter = dead.get(0);
        assertEquals(failing.toString(), header(letter, "ce_id"));
        assertEquals("java.lang.IllegalStateException", header(letter, "dead-letter-exception-class-name"));
        assertTrue(
                header(letter, "dead-letter-reason").contains("bug for " + broken),
                header(letter, "dead-letter-reason"));
        assertEquals(RegionRecorder.TOPIC, header(letter, "dead-letter-topic"));

        // The bug is fixed: the operator replays.
        RegionRecorder.BROKEN.remove(broken);
        DeadLetters.Replay replay = deadLetters.replay(true);
        assertTrue(replay.replayed() >= 1, replay.toString());
        assertEquals(1, countCode(run + "-broken"), "replay applied it");
        assertEquals(0, deadLetters.replay(true).replayed(), "a second replay finds nothing new");
        ConsumerRecord<String, String> again = record(failing, region(run + "-broken", broken));
        assertFalse(consume(RegionRecorder.CONSUMER, again), "the ledger knows it now");
        assertEquals(1, countCode(run + "-broken"), "applied exactly once");
    }

    // --- A poll at a time (consumeAll, channels with batch=true) ---

    /** One ledger statement and one commit for the whole poll; an event twice in it is applied once. */
    @Test
    void aPollIsAppliedInOneTransactionAndAnEventTwiceInItOnce() {
        String run = run();
        UUID twice = UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = List.of(
                record(UUID.randomUUID(), region(run + "-a", "Region Västerbotten"), 1),
                record(twice, region(run + "-b", "Region Värmland"), 2),
                record(twice, region(run + "-b", "Region Värmland"), 3),
                record(UUID.randomUUID(), region(run + "-c", "Region Jämtland"), 4));
        String consumer = "poll-" + run;

        assertEquals(3, inbox.consumeAll(consumer, poll, recorder.handler()));

        assertEquals(1, countCode(run + "-a"));
        assertEquals(1, countCode(run + "-b"), "the event that came twice was applied once");
        assertEquals(1, countCode(run + "-c"));
        assertEquals(1, transactionsThatWrote(run), "the poll was applied in one transaction");
        assertEquals(0, inbox.consumeAll(consumer, poll, recorder.handler()), "the poll redelivered");
        assertEquals(1, countCode(run + "-a"));
    }

    /** A passing failure is waited out for the whole poll, which is then applied once, every event of it. */
    @Test
    void aTransientFailureInAPollRetriesThePollAndAppliesEachEventOnce() {
        String run = run();
        UUID passing = UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = List.of(
                record(UUID.randomUUID(), region(run + "-a", "Region Halland"), 1),
                record(passing, region(run + "-transient", RegionRecorder.TRANSIENT + "2"), 2),
                record(UUID.randomUUID(), region(run + "-c", "Region Kalmar"), 3));

        assertEquals(3, inbox.consumeAll("poll-" + run, poll, recorder.handler()));

        assertEquals(3, RegionRecorder.ATTEMPTS.get(passing).get(), "two failed attempts, then the one that worked");
        assertEquals(1, countCode(run + "-a"));
        assertEquals(1, countCode(run + "-transient"));
        assertEquals(1, countCode(run + "-c"));
    }

    /**
     * The connector can only fail a whole poll; the kit puts the records that cannot be handled on the
     * dead-letter topic itself, each alone and with the headers replay reads, and applies the rest.
     */
    @Test
    void aRecordThatCannotBeHandledIsDeadLetteredAloneAndTheRestOfItsPollApplied() {
        String run = run();
        String broken = "broken " + run;
        RegionRecorder.BROKEN.add(broken);
        UUID failing = UUID.randomUUID();
        ConsumerRecord<String, String> noId =
                new ConsumerRecord<>(RegionRecorder.BATCH_TOPIC, 0, 9, run, region(run + "-no-id", "Region Skåne"));
        header(noId, "ce_type", EventTypes.REGION_PUBLISHED);
        List<ConsumerRecord<String, String>> poll = List.of(
                record(UUID.randomUUID(), region(run + "-before", "Region Gävleborg"), 7),
                record(failing, region(run + "-broken", broken), 8),
                noId,
                record(UUID.randomUUID(), region(run + "-after", "Region Uppsala"), 10));

        assertEquals(2, inbox.consumeAll("poll-" + run, poll, recorder.handler()));

        assertEquals(1, countCode(run + "-before"));
        assertEquals(1, countCode(run + "-after"));
        assertEquals(0, countCode(run + "-broken"));
        // One key, one dead-letter partition, in the order written: had the others been dead-lettered too,
        // they would be among these.
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        InfraTestResource.kafka().readUntil("driftinfo.dlq.service-kit-test", Duration.ofSeconds(30), r -> {
            if (r.value().contains(run)) {
                dead.add(r);
            }
            return failing.toString().equals(header(r, "ce_id"));
        });
        assertEquals(
                List.of(run + "-no-id", run + "-broken"),
                dead.stream().map(r -> code(r.value())).toList(),
                "only the two records that cannot be handled, each once");
        ConsumerRecord<String, String> letter = dead.get(1);
        assertEquals(RegionRecorder.BATCH_TOPIC, header(letter, "dead-letter-topic"));
        assertEquals("0", header(letter, "dead-letter-partition"));
        assertEquals("8", header(letter, "dead-letter-offset"));
        assertEquals("java.lang.IllegalStateException", header(letter, "dead-letter-exception-class-name"));
        assertTrue(header(letter, "dead-letter-reason").contains("bug for " + broken));
        assertEquals(EventTypes.REGION_PUBLISHED, header(letter, "ce_type"), "the original headers are kept");
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("ce_id"));

        // The bug is fixed: replay goes through the poll's consumer method and applies it once.
        RegionRecorder.BROKEN.remove(broken);
        DeadLetters.Replay replay = deadLetters.replay(true);
        assertEquals(1, countCode(run + "-broken"), replay.toString());
        assertTrue(
                replay.failed().stream().anyMatch(f -> f.origin().equals(RegionRecorder.BATCH_TOPIC + "/0@9")),
                "the unreadable one fails again and stays: " + replay);
        deadLetters.replay(true);
        assertEquals(1, countCode(run + "-broken"), "applied exactly once");
    }

    /** Over the broker: the channel delivers polls, and a bad record does not take its poll with it. */
    @Test
    void overKafkaAPollIsConsumedAndItsBadRecordDeadLetteredAlone() {
        String run = run();
        Published published = publishAroundABrokenOne(RegionRecorder.BATCH_TOPIC, run, run + "-first", "Region Örebro");
        UUID first = published.first();
        UUID failing = published.broken();
        assertEquals(1, countCode(run + "-first"));
        assertEquals(0, countCode(run + "-broken"));
        List<String> dead = new ArrayList<>();
        InfraTestResource.kafka().readUntil("driftinfo.dlq.service-kit-test", Duration.ofSeconds(30), r -> {
            String id = header(r, "ce_id");
            if (first.toString().equals(id) || failing.toString().equals(id)) {
                dead.add(id + " from " + header(r, "dead-letter-topic"));
            }
            return failing.toString().equals(id);
        });
        assertEquals(List.of(failing + " from " + RegionRecorder.BATCH_TOPIC), dead);
        RegionRecorder.BROKEN.remove("broken " + run);
    }

    /** The ids of the first record published and of the one the handler has a bug for. */
    private record Published(UUID first, UUID broken) {}

    /**
     * Publishes on {@code topic}, under one key (so in order): a region {@code firstCode}, one whose
     * handling has a bug ({@code <run>-broken}, named {@code broken <run>}) and {@code <run>-last};
     * returns once the last is recorded.
     */
    private Published publishAroundABrokenOne(String topic, String run, String firstCode, String firstName) {
        String broken = "broken " + run;
        RegionRecorder.BROKEN.add(broken);
        var kafka = InfraTestResource.kafka();
        UUID first = kafka.publish(topic, run, EventTypes.REGION_PUBLISHED, "/test", region(firstCode, firstName));
        UUID failing = kafka.publish(topic, run, EventTypes.REGION_PUBLISHED, "/test", region(run + "-broken", broken));
        kafka.publish(topic, run, EventTypes.REGION_PUBLISHED, "/test", region(run + "-last", "Region Jämtland"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (countCode(run + "-last") == 0 && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals(1, countCode(run + "-last"));
        return new Published(first, failing);
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String code(String json) {
        return EventJson.read(json, RegionV1.class).code();
    }

    /** How many transactions wrote the rows whose code starts with {@code prefix}. */
    private long transactionsThatWrote(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "select count(distinct xmin::text) from recorded_region where code like ?1")
                        .setParameter(1, prefix + "%")
                        .getSingleResult())
                .longValue());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private boolean consume(String consumer, ConsumerRecord<String, String> record) {
        return inbox.consume(consumer, record, recorder.handler());
    }

    private long recorded(ConsumerRecord<String, String> record) {
        UUID id =
                UUID.fromString(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from recorded_region where event_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }

    private long countCode(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from recorded_region where code = ?1")
                                .setParameter(1, code)
                                .getSingleResult())
                        .longValue());
    }

    private long ledgerRows(String consumer, ConsumerRecord<String, String> record) {
        UUID id =
                UUID.fromString(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                        .setParameter(1, consumer)
                        .setParameter(2, id)
                        .getSingleResult())
                .longValue());
    }

    private static ConsumerRecord<String, String> record(UUID id, String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(RegionRecorder.TOPIC, 0, 0, "region", json);
        return cloudEvent(record, id);
    }

    /** A record of a poll on the batch channel's topic, at {@code offset}. */
    private static ConsumerRecord<String, String> record(UUID id, String json, long offset) {
        String key = code(json).substring(0, 8);
        return cloudEvent(new ConsumerRecord<>(RegionRecorder.BATCH_TOPIC, 0, offset, key, json), id);
    }

    private static ConsumerRecord<String, String> cloudEvent(ConsumerRecord<String, String> record, UUID id) {
        header(record, "ce_id", id.toString());
        header(record, "ce_type", EventTypes.REGION_PUBLISHED);
        header(record, "ce_source", "/test");
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String region(String code, String name) {
        return EventJson.write(new RegionV1(code, name, "Europe/Stockholm", null, null));
    }

    private static void sendWithoutCeId(String code) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                InfraTestResource.infrastructure().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(RegionRecorder.TOPIC, code.substring(0, 8), region(code, "Region Norrbotten"));
        record.headers().add("ce_type", EventTypes.REGION_PUBLISHED.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka refused the record", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
