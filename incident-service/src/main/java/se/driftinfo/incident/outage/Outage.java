package se.driftinfo.incident.outage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;

/**
 * A declared outage (driftstörning): systems of one region down or degraded, with a timeline of
 * status updates, until resolved. Resolved is final. Every change raises {@code sequence}, which the
 * notifier uses as the iCal SEQUENCE.
 */
@Entity
@Table(name = "outage")
public class Outage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String region;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "outage_system", joinColumns = @JoinColumn(name = "outage_id"))
    @Column(name = "system")
    @OrderBy
    public Set<String> systems = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutageImpact impact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutageStatus status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "outage_id", nullable = false)
    @OrderBy("at, id")
    public List<OutageUpdate> updates = new ArrayList<>();

    protected Outage() {}

    /** Declares an outage; its timeline starts with the declaring message. */
    public static Outage declare(
            UUID id,
            String reference,
            String title,
            String region,
            List<String> systems,
            OutageImpact impact,
            Instant startedAt,
            String message,
            String author,
            Instant now) {
        Outage outage = new Outage();
        outage.id = id;
        outage.reference = reference;
        outage.title = title;
        outage.region = region;
        outage.systems.addAll(systems);
        outage.impact = impact;
        outage.status = OutageStatus.INVESTIGATING;
        outage.startedAt = startedAt;
        outage.sequence = 0;
        outage.updatedAt = now;
        outage.updates.add(new OutageUpdate(OutageStatus.INVESTIGATING, message, author, now));
        return outage;
    }

    public boolean isActive() {
        return resolvedAt == null;
    }

    /** True while the outage goes on and takes down (or degrades) this system of this region. */
    public boolean covers(String regionCode, String system) {
        return isActive() && region.equals(regionCode) && systems.contains(system);
    }

    /** Adds a status update to the timeline. */
    public OutageUpdate update(OutageStatus newStatus, String message, String author, Instant now) {
        requireActive();
        if (newStatus == OutageStatus.RESOLVED) {
            throw new InvalidFieldException("status", "use the resolve action to resolve an outage");
        }
        status = newStatus;
        return addUpdate(newStatus, message, author, now);
    }

    /** Ends the outage; it can no longer change. */
    public OutageUpdate resolve(String message, Instant at, String author, Instant now) {
        requireActive();
        if (at.isBefore(startedAt)) {
            throw new InvalidFieldException("resolvedAt", "must not be before the outage started (" + startedAt + ")");
        }
        if (at.isAfter(now)) {
            throw new InvalidFieldException("resolvedAt", "must not be in the future");
        }
        status = OutageStatus.RESOLVED;
        resolvedAt = at;
        return addUpdate(OutageStatus.RESOLVED, message, author, now);
    }

    public OutageUpdate latestUpdate() {
        return updates.get(updates.size() - 1);
    }

    private OutageUpdate addUpdate(OutageStatus newStatus, String message, String author, Instant now) {
        OutageUpdate update = new OutageUpdate(newStatus, message, author, now);
        updates.add(update);
        sequence++;
        updatedAt = now;
        return update;
    }

    private void requireActive() {
        if (!isActive()) {
            throw new ConflictException("Outage " + reference + " is resolved and can no longer change");
        }
    }
}
