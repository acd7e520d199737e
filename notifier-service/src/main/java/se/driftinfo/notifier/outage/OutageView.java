package se.driftinfo.notifier.outage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.kit.inbox.Snapshot;
import se.driftinfo.notifier.Csv;

/**
 * The notifier's copy of one outage (driftstörning), newest snapshot wins. An outage without
 * {@code resolvedAt} is active: feeds show it as going on until it is resolved.
 */
@Entity
@Table(name = "outage_view")
public class OutageView extends PanacheEntityBase {

    @Id
    public UUID id;

    public String region;

    public String systems;

    public int sequence;

    public String status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String snapshot;

    public static OutageView of(OutageV1 outage) {
        OutageView view = new OutageView();
        view.id = outage.id();
        view.copy(outage);
        return view;
    }

    /**
     * Takes the snapshot unless it is older than the one held (the kit's one rule, {@link Snapshot}).
     *
     * @return true if the view changed
     */
    public boolean apply(OutageV1 outage) {
        if (!snapshotOf(outage).replaces(version())) {
            return false;
        }
        copy(outage);
        return true;
    }

    /** The version of the snapshot held. */
    public Snapshot version() {
        return new Snapshot(sequence, updatedAt);
    }

    /** An outage never updated has changed last when it started. */
    static Snapshot snapshotOf(OutageV1 outage) {
        return new Snapshot(outage.sequence(), lastChanged(outage));
    }

    private static Instant lastChanged(OutageV1 outage) {
        return outage.updatedAt() == null ? outage.startedAt() : outage.updatedAt();
    }

    public OutageV1 outage() {
        return EventJson.read(snapshot, OutageV1.class);
    }

    public boolean active() {
        return resolvedAt == null;
    }

    public boolean concerns(String systemCode) {
        return Csv.contains(systems, systemCode);
    }

    private void copy(OutageV1 outage) {
        region = outage.region();
        systems = Csv.join(outage.systems());
        sequence = outage.sequence();
        status = outage.status();
        startedAt = outage.startedAt();
        resolvedAt = outage.resolvedAt();
        updatedAt = lastChanged(outage);
        snapshot = EventJson.write(outage);
    }
}
