package se.driftinfo.notifier.window;

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
import se.driftinfo.notifier.Csv;

/**
 * The notifier's copy of one maintenance window: the newest snapshot maintenance-service published.
 * Events carry the whole window, so applying one replaces the copy; an older snapshot (lower
 * {@code sequence}, or on equal sequence an earlier {@code updatedAt}) never overwrites a newer one.
 */
@Entity
@Table(name = "window_view")
public class WindowView extends PanacheEntityBase {

    @Id
    public UUID id;

    public String region;

    /** Stored as {@code ,a,b,}; see {@link Csv}. */
    public String systems;

    public int sequence;

    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String snapshot;

    public static WindowView of(WindowV1 window) {
        WindowView view = new WindowView();
        view.id = window.id();
        view.copy(window);
        return view;
    }

    /**
     * Takes the snapshot unless it is older than the one held (the kit's one rule, {@link Snapshot}).
     *
     * @return true if the view changed
     */
    public boolean apply(WindowV1 window) {
        if (!new Snapshot(window.sequence(), window.updatedAt()).replaces(version())) {
            return false;
        }
        copy(window);
        return true;
    }

    /** The version of the snapshot held. */
    public Snapshot version() {
        return new Snapshot(sequence, updatedAt);
    }

    public WindowV1 window() {
        return EventJson.read(snapshot, WindowV1.class);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public boolean concerns(String systemCode) {
        return Csv.contains(systems, systemCode);
    }

    private void copy(WindowV1 window) {
        region = window.region();
        systems = Csv.join(window.systems());
        sequence = window.sequence();
        status = window.status();
        updatedAt = window.updatedAt() == null ? Instant.EPOCH : window.updatedAt();
        snapshot = EventJson.write(window);
    }
}
