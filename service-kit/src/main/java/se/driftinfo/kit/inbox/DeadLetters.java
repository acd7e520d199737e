package se.driftinfo.kit.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import se.driftinfo.kit.config.KafkaSettings;

/**
 * The service's dead-letter topic ({@code driftinfo.dlq.<service>}): what is waiting there, and
 * replaying it through the consumer method that failed on each record once the cause is fixed.
 *
 * <p>Replay is safe to repeat: each record goes through {@link IdempotentConsumer} again, whose ledger
 * skips an event this consumer already applied, and read models take a snapshot only if it is not
 * older than the one they hold. How far replay has come is the committed offset of the consumer group
 * {@code <service>-dead-letter-replay}, so a record is replayed once however many replicas there are
 * (the method is synchronised per replica; the group's offsets are shared).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerMethods consumers;
    private final Map<String, Object> kafka;
    private final String topic;
    private final String group;
    private volatile double waiting = Double.NaN;

    public DeadLetters(
            ConsumerMethods consumers,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic") String topic,
            @ConfigProperty(name = "quarkus.application.name") String application,
            MeterRegistry metrics) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.topic = topic;
        this.group = application + "-dead-letter-replay";
        Gauge.builder("driftinfo.dead.letters.waiting", this, d -> d.waiting)
                .description("Records on this service's dead-letter topic not replayed yet (NaN: Kafka not reachable)")
                .register(metrics);
    }

    /** What a replay did. */
    public record Replay(int replayed, List<Failure> failed, long waiting) {}

    /**
     * A dead letter that failed again.
     *
     * @param deadLetter where it is on the dead-letter topic ({@code partition@offset})
     * @param origin where it was first read ({@code topic/partition@offset})
     */
    public record Failure(String deadLetter, String origin, String eventId, String reason) {}

    /**
     * Replays the records on the dead-letter topic that have not been replayed yet, in order per
     * partition. A record that fails again stops its partition there (it is replayed first next time)
     * unless {@code skipFailed}, which reports and passes it: for a record that can never succeed.
     */
    public synchronized Replay replay(boolean skipFailed) {
        int replayed = 0;
        List<Failure> failed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions();
            if (partitions.isEmpty()) {
                return new Replay(0, List.of(), 0);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition p : partitions) {
                OffsetAndMetadata at = committed.get(p);
                if (at != null) {
                    consumer.seek(p, at.offset());
                } else {
                    consumer.seekToBeginning(List.of(p));
                }
                if (consumer.position(p) < end.get(p)) {
                    open.add(p);
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                consumer.pause(
                        partitions.stream().filter(p -> !open.contains(p)).toList());
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                for (TopicPartition p : records.partitions()) {
                    for (ConsumerRecord<String, String> dead : records.records(p)) {
                        if (!open.contains(p) || dead.offset() >= end.get(p)) {
                            break;
                        }
                        Failure failure = redeliver(dead);
                        if (failure == null) {
                            replayed++;
                        } else {
                            failed.add(failure);
                            if (!skipFailed) {
                                open.remove(p);
                                consumer.seek(p, dead.offset());
                                break;
                            }
                        }
                        consumer.commitSync(Map.of(p, new OffsetAndMetadata(dead.offset() + 1)));
                    }
                }
                for (TopicPartition p : partitions) {
                    if (open.contains(p) && consumer.position(p) >= end.get(p)) {
                        open.remove(p);
                    }
                }
            }
        }
        refresh();
        LOG.infof("Dead-letter replay from %s: %d replayed, %d failed again", topic, replayed, failed.size());
        return new Replay(replayed, List.copyOf(failed), (long) (Double.isNaN(waiting) ? -1 : waiting));
    }

    /** @return null if the consumer took it (applied now or before), else why not */
    private Failure redeliver(ConsumerRecord<String, String> dead) {
        String originTopic = header(dead, "dead-letter-topic");
        String origin =
                originTopic + "/" + header(dead, "dead-letter-partition") + "@" + header(dead, "dead-letter-offset");
        String where = dead.partition() + "@" + dead.offset();
        String eventId = header(dead, "ce_id");
        List<ConsumerMethods.Target> targets = originTopic == null ? List.of() : consumers.forTopic(originTopic);
        if (targets.isEmpty()) {
            return new Failure(where, origin, eventId, "no consumer in this service reads " + originTopic);
        }
        ConsumerRecord<String, String> original = original(dead, originTopic);
        for (ConsumerMethods.Target target : targets) {
            IdempotentConsumer.REPLAYING.set(true);
            try {
                target.deliver(original);
            } catch (RuntimeException e) {
                LOG.warnf("Replay of dead letter %s (%s, event %s) failed again: %s", where, origin, eventId, e);
                return new Failure(where, origin, eventId, e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                IdempotentConsumer.REPLAYING.remove();
            }
        }
        return null;
    }

    /** The record as the consumer first saw it: its topic, key, value and headers, without the dead-letter ones. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> dead, String originTopic) {
        int partition = (int) parse(header(dead, "dead-letter-partition"));
        long offset = parse(header(dead, "dead-letter-offset"));
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(originTopic, partition, offset, dead.key(), dead.value());
        for (Header h : dead.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                record.headers().add(h);
            }
        }
        return record;
    }

    /** Refreshes {@code driftinfo_dead_letters_waiting}: the replay group's lag on the dead-letter topic. */
    @Scheduled(every = "60s", delayed = "30s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try (Admin admin = Admin.create(only(AdminClientConfig.configNames(), Map.of()))) {
            Map<String, TopicDescription> described;
            try {
                described = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    waiting = 0; // nothing was ever dead-lettered
                    return;
                }
                throw e;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            described.get(topic).partitions().forEach(p -> {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            });
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> starts =
                    admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            long total = 0;
            for (var entry : ends.entrySet()) {
                OffsetAndMetadata at = done.get(entry.getKey());
                long from =
                        at != null ? at.offset() : starts.get(entry.getKey()).offset();
                total += Math.max(0, entry.getValue().offset() - from);
            }
            waiting = total;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            waiting = Double.NaN;
            LOG.debugf("Dead-letter depth unknown: %s", e.getMessage());
        }
    }

    /** Records on the dead-letter topic not replayed yet, as last measured; -1 if unknown. */
    public long waiting() {
        refresh();
        return Double.isNaN(waiting) ? -1 : (long) waiting;
    }

    private List<TopicPartition> partitions() {
        try (Admin admin = Admin.create(only(AdminClientConfig.configNames(), Map.of()))) {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic);
            return description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw new IllegalStateException("Cannot read the dead-letter topic " + topic + ": " + e.getCause(), e);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot read the dead-letter topic " + topic + ": " + e, e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> props = only(
                ConsumerConfig.configNames(),
                Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50"));
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private Map<String, Object> only(Set<String> known, Map<String, Object> extra) {
        return KafkaSettings.forClient(kafka, known, extra);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long parse(String number) {
        try {
            return number == null ? -1 : Long.parseLong(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
