package se.driftinfo.notifier.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.kit.inbox.IncomingEvent;
import se.driftinfo.kit.inbox.ProcessedEvents;
import se.driftinfo.notifier.delivery.Notifications;

/** Outage events feed the read model and mail subscribers; fault report events mail the reporter. */
@ApplicationScoped
public class IncidentConsumer {

    private static final Logger LOG = Logger.getLogger(IncidentConsumer.class);

    private final ProcessedEvents processedEvents;
    private final OutageRepository outages;
    private final Notifications notifications;

    public IncidentConsumer(ProcessedEvents processedEvents, OutageRepository outages, Notifications notifications) {
        this.processedEvents = processedEvents;
        this.outages = outages;
        this.notifications = notifications;
    }

    @Incoming("incidents")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!processedEvents.firstTime("notifier-incidents", event.id())) {
            return;
        }
        Class<?> payload = EventTypes.PAYLOADS.get(event.type());
        if (payload == OutageEventV1.class) {
            OutageEventV1 data = event.data(OutageEventV1.class);
            OutageView view = outages.findById(data.outage().id());
            if (view == null) {
                outages.persist(OutageView.of(data.outage()));
            } else if (!view.apply(data.outage())) {
                LOG.infof(
                        "Outage %s: event %s is older than the copy held, not applied",
                        data.outage().id(), event.id());
                return;
            }
            notifications.outageChanged(event.id(), event.type(), data);
        } else if (payload == FaultReportEventV1.class) {
            notifications.faultReportChanged(event.id(), event.type(), event.data(FaultReportEventV1.class));
        } else {
            LOG.debugf("Ignoring %s on the incidents topic", event.type());
        }
    }
}
