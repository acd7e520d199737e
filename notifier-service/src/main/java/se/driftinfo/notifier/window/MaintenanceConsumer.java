package se.driftinfo.notifier.window;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.kit.inbox.EventHandler;
import se.driftinfo.kit.inbox.IdempotentConsumer;
import se.driftinfo.kit.inbox.IncomingEvent;

/**
 * Translates maintenance events into the read model and announces each change as a
 * {@link WindowChanged}, in one transaction with the processed-event record. Whoever mails about it
 * observes that event; this package knows nothing of mail.
 */
@ApplicationScoped
public class MaintenanceConsumer {

    private static final Logger LOG = Logger.getLogger(MaintenanceConsumer.class);

    private final IdempotentConsumer inbox;
    private final WindowRepository windows;
    private final Event<WindowChanged> changed;
    private final EventHandler handler = EventHandler.on(WindowEventV1.class, this::apply);

    public MaintenanceConsumer(IdempotentConsumer inbox, WindowRepository windows, Event<WindowChanged> changed) {
        this.inbox = inbox;
        this.windows = windows;
        this.changed = changed;
    }

    @Incoming("maintenance")
    @Blocking // the kit opens a transaction per attempt (retries need a fresh one)
    void on(ConsumerRecord<String, String> record) {
        inbox.consume("notifier-maintenance", record, handler);
    }

    private void apply(IncomingEvent event, WindowEventV1 data) {
        WindowView view = windows.findById(data.window().id());
        if (view == null) {
            windows.persist(WindowView.of(data.window()));
        } else if (!view.apply(data.window())) {
            LOG.infof(
                    "Window %s: event %s is older than the copy held, not applied",
                    data.window().id(), event.id());
            return;
        }
        changed.fire(new WindowChanged(event.id(), event.type(), data));
    }
}
