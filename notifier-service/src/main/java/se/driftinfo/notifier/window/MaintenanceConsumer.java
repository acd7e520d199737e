package se.driftinfo.notifier.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.kit.inbox.IncomingEvent;
import se.driftinfo.kit.inbox.ProcessedEvents;
import se.driftinfo.notifier.delivery.Notifications;

/**
 * Translates maintenance events into the read model and queues mail to matching subscribers, in one
 * transaction with the processed-event record. Mail is only queued here; the delivery sender sends.
 */
@ApplicationScoped
public class MaintenanceConsumer {

    private static final Logger LOG = Logger.getLogger(MaintenanceConsumer.class);

    private final ProcessedEvents processedEvents;
    private final WindowRepository windows;
    private final Notifications notifications;

    public MaintenanceConsumer(ProcessedEvents processedEvents, WindowRepository windows, Notifications notifications) {
        this.processedEvents = processedEvents;
        this.windows = windows;
        this.notifications = notifications;
    }

    @Incoming("maintenance")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!processedEvents.firstTime("notifier-maintenance", event.id())) {
            return;
        }
        if (!EventTypes.PAYLOADS.containsKey(event.type())
                || EventTypes.PAYLOADS.get(event.type()) != WindowEventV1.class) {
            LOG.debugf("Ignoring %s on the maintenance topic", event.type());
            return;
        }
        WindowEventV1 data = event.data(WindowEventV1.class);
        WindowView view = windows.findById(data.window().id());
        if (view == null) {
            windows.persist(WindowView.of(data.window()));
        } else if (!view.apply(data.window())) {
            LOG.infof(
                    "Window %s: event %s is older than the copy held, not applied",
                    data.window().id(), event.id());
            return;
        }
        notifications.windowChanged(event.id(), event.type(), data);
    }
}
