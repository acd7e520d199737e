package se.driftinfo.kit.outbox;

import java.util.Set;

/** Which refusals of a record Kafka will repeat whatever the relay does, so retrying it is pointless. */
final class KafkaFailures {

    private static final Set<String> NEVER_ACCEPTED = Set.of(
            "org.apache.kafka.common.errors.RecordTooLargeException",
            "org.apache.kafka.common.errors.RecordBatchTooLargeException",
            "org.apache.kafka.common.errors.SerializationException",
            "org.apache.kafka.common.errors.InvalidTopicException",
            "org.apache.kafka.common.InvalidRecordException",
            "org.apache.kafka.common.errors.InvalidRecordException",
            // Thrown while building the record from the row (an invalid CloudEvents source URI, say).
            "java.lang.IllegalArgumentException");

    private KafkaFailures() {}

    static boolean neverAccepted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (NEVER_ACCEPTED.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
