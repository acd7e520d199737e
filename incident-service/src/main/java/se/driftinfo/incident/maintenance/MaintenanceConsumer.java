package se.driftinfo.incident.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.kit.inbox.IncomingEvent;
import se.driftinfo.kit.inbox.ProcessedEvents;

/** Keeps the window replica: every maintenance event carries the whole window after the change. */
@ApplicationScoped
public class MaintenanceConsumer {

    private static final String CONSUMER = "incident-maintenance";

    private final WindowRepository windows;
    private final ProcessedEvents processedEvents;

    public MaintenanceConsumer(WindowRepository windows, ProcessedEvents processedEvents) {
        this.windows = windows;
        this.processedEvents = processedEvents;
    }

    @Incoming("maintenance")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!processedEvents.firstTime(CONSUMER, event.id())) {
            return;
        }
        if (EventTypes.PAYLOADS.get(event.type()) != WindowEventV1.class) {
            return;
        }
        WindowEventV1 data = event.data(WindowEventV1.class);
        WindowReplica replica = windows.findById(data.window().id());
        if (replica == null) {
            replica = new WindowReplica();
            replica.replaceWith(data.window());
            windows.persist(replica);
        } else {
            replica.replaceWith(data.window());
        }
    }
}
