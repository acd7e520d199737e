package se.driftinfo.incident.maintenance;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.kit.inbox.EventHandler;
import se.driftinfo.kit.inbox.IdempotentConsumer;
import se.driftinfo.kit.inbox.IncomingEvent;

/** Keeps the window replica: every maintenance event carries the whole window after the change. */
@ApplicationScoped
public class MaintenanceConsumer {

    private static final String CONSUMER = "incident-maintenance";

    private final WindowRepository windows;
    private final IdempotentConsumer inbox;
    private final EventHandler handler;
    private final Event<KnownWindows.Changed> changed;

    public MaintenanceConsumer(
            WindowRepository windows, IdempotentConsumer inbox, Event<KnownWindows.Changed> changed) {
        this.windows = windows;
        this.inbox = inbox;
        this.changed = changed;
        this.handler = EventHandler.on(WindowEventV1.class, this::apply);
    }

    @Incoming("maintenance")
    @Blocking // the kit opens a transaction per attempt (retries need a fresh one)
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, handler);
    }

    private void apply(IncomingEvent event, WindowEventV1 data) {
        WindowReplica replica = windows.findById(data.window().id());
        if (replica == null) {
            replica = new WindowReplica();
            replica.replaceWith(data.window());
            windows.persist(replica);
        } else {
            replica.replaceWith(data.window());
        }
        changed.fire(new KnownWindows.Changed(data.window().id()));
    }
}
