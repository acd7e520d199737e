package se.driftinfo.incident.maintenance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.kit.inbox.Snapshot;

/**
 * The newest state of one maintenance window, kept as its event carried it (event-carried state):
 * this service only asks whether a window covers a moment, so it keeps no structure of its own.
 */
@Entity
@Table(name = "window_replica")
public class WindowReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String status;

    /** The window's sequence, which rises on every change: with {@code updatedAt}, the snapshot's version. */
    @Column(nullable = false)
    public long sequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public String payload;

    /**
     * Takes the window unless this replica already holds a newer state (events can be redelivered or
     * replayed): the kit's one rule, {@link Snapshot#replaces}.
     */
    public boolean replaceWith(WindowV1 window) {
        Snapshot held = id == null ? null : new Snapshot(sequence, updatedAt);
        if (!new Snapshot(window.sequence(), window.updatedAt()).replaces(held)) {
            return false;
        }
        id = window.id();
        region = window.region();
        status = window.status();
        sequence = window.sequence();
        updatedAt = window.updatedAt() == null ? Instant.EPOCH : window.updatedAt();
        payload = EventJson.write(window);
        return true;
    }

    public WindowV1 window() {
        return EventJson.read(payload, WindowV1.class);
    }
}
