package se.driftinfo.incident.outage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.incident.OutageEventV1.StatusUpdateV1;
import se.driftinfo.kit.outbox.Outbox;

/** Outage events, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class OutageEvents {

    private final Outbox outbox;

    public OutageEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void declared(Outage outage) {
        publish(EventTypes.OUTAGE_DECLARED, outage);
    }

    public void updated(Outage outage) {
        publish(EventTypes.OUTAGE_UPDATED, outage);
    }

    public void resolved(Outage outage) {
        publish(EventTypes.OUTAGE_RESOLVED, outage);
    }

    private void publish(String type, Outage outage) {
        outbox.add(Topics.INCIDENTS, outage.id.toString(), type, EventSources.INCIDENT, toEvent(outage));
    }

    static OutageEventV1 toEvent(Outage o) {
        OutageUpdate u = o.latestUpdate();
        return new OutageEventV1(
                new OutageV1(
                        o.id,
                        o.reference,
                        o.title,
                        o.region,
                        List.copyOf(o.systems),
                        o.impact.name(),
                        o.status.name(),
                        o.startedAt,
                        o.resolvedAt,
                        o.sequence,
                        o.updatedAt),
                new StatusUpdateV1(u.status.name(), u.message, u.at));
    }
}
