package se.driftinfo.notifier.outage;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.kit.inbox.EventHandler;
import se.driftinfo.kit.inbox.IdempotentConsumer;
import se.driftinfo.kit.inbox.IncomingEvent;

/**
 * Outage events feed the read model and are announced as {@link OutageChanged}; fault report events
 * are announced as {@link FaultReportChanged}. A poll at a time, in one transaction with the
 * processed-event records: this topic carries every fault report, so during a burst a transaction
 * per event held the receipts back (docs/benchmarks.md, "Receipts a poll at a time").
 */
@ApplicationScoped
public class IncidentConsumer {

    private static final Logger LOG = Logger.getLogger(IncidentConsumer.class);

    private final IdempotentConsumer inbox;
    private final OutageRepository outages;
    private final Event<OutageChanged> outageChanged;
    private final Event<FaultReportChanged> faultReportChanged;
    private final EventHandler handler =
            EventHandler.on(OutageEventV1.class, this::apply).or(FaultReportEventV1.class, this::announce);

    public IncidentConsumer(
            IdempotentConsumer inbox,
            OutageRepository outages,
            Event<OutageChanged> outageChanged,
            Event<FaultReportChanged> faultReportChanged) {
        this.inbox = inbox;
        this.outages = outages;
        this.outageChanged = outageChanged;
        this.faultReportChanged = faultReportChanged;
    }

    @Incoming("incidents") // batch=true: a poll at a time
    @Blocking // the kit opens a transaction per attempt (retries need a fresh one)
    void on(ConsumerRecords<String, String> records) {
        inbox.consumeAll("notifier-incidents", records, handler);
    }

    private void apply(IncomingEvent event, OutageEventV1 data) {
        OutageView view = outages.findById(data.outage().id());
        if (view == null) {
            outages.persist(OutageView.of(data.outage()));
        } else if (!view.apply(data.outage())) {
            LOG.infof(
                    "Outage %s: event %s is older than the copy held, not applied",
                    data.outage().id(), event.id());
            return;
        }
        outageChanged.fire(new OutageChanged(event.id(), event.type(), data));
    }

    private void announce(IncomingEvent event, FaultReportEventV1 data) {
        faultReportChanged.fire(new FaultReportChanged(event.id(), event.type(), data));
    }
}
