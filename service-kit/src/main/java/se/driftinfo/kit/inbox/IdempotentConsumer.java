package se.driftinfo.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The envelope every Kafka consumer uses: read the CloudEvent, skip it if this consumer has handled
 * its id before, otherwise hand it to the consumer's {@link EventHandler}, all in the caller's
 * transaction. The processed id and the change it causes commit together, so a redelivered event
 * changes nothing twice. A failure rolls both back and goes to the channel's failure strategy.
 *
 * <pre>{@code
 * @Incoming("maintenance")
 * @Transactional
 * void on(ConsumerRecord<String, String> record) {
 *     inbox.consume("incident-maintenance", record, handler);
 * }
 * }</pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processedEvents;

    public IdempotentConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    /**
     * @param consumer the ledger's name for this consumer, unique in the service (e.g. {@code notifier-maintenance})
     * @return true if the event was handled now; false if it was seen before or is of a type the handler skips
     */
    @Transactional(TxType.MANDATORY)
    public boolean consume(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (RuntimeException e) {
            LOG.errorf("%s: unreadable record at %s: %s", consumer, position(record), e.getMessage());
            throw e;
        }
        if (!processedEvents.firstTime(consumer, event.id())) {
            LOG.debugf("%s: event %s was handled before, skipped", consumer, event.id());
            return false;
        }
        try {
            if (!handler.handle(event)) {
                LOG.debugf("%s: ignoring %s", consumer, event.type());
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("%s: event %s (%s) at %s failed: %s", consumer, event.id(), event.type(), position(record), e);
            throw e;
        }
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
