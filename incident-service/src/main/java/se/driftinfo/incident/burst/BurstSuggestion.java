package se.driftinfo.incident.burst;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import se.driftinfo.kit.domain.ConflictException;

/**
 * A burst of fault reports for one system of one region with no outage declared: the detector's
 * suggestion to the helpdesk to declare one. Closed when an outage covering it is declared (also by
 * accepting it), or dismissed by the helpdesk; a report arriving after that opens a new suggestion if the
 * burst still holds. Its reports are counted when it is read, never written to it one by one.
 */
@Entity
@Table(name = "burst_suggestion")
public class BurstSuggestion extends PanacheEntityBase {

    /** The helpdesk closed a suggestion (dismissed it); fired in its transaction. */
    public record Closed(UUID id) {}

    public static final String OPEN = "OPEN";
    public static final String DECLARED = "DECLARED";
    public static final String DISMISSED = "DISMISSED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String system;

    @Column(nullable = false)
    public String status;

    /** Reports of its system since the first one; counted when read ({@link BurstDetector#open()}). */
    @Transient
    public int reportCount;

    @Column(name = "first_report_at", nullable = false)
    public Instant firstReportAt;

    /** The latest of those reports; counted when read. */
    @Transient
    public Instant lastReportAt;

    @Column(name = "outage_id")
    public UUID outageId;

    BurstSuggestion counted(int reports, Instant latest) {
        reportCount = reports;
        lastReportAt = latest == null ? firstReportAt : latest;
        return this;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** The helpdesk sees no outage in it; it stays dismissed until more reports arrive. */
    public void dismiss() {
        requireOpen();
        status = DISMISSED;
    }

    public void requireOpen() {
        if (!isOpen()) {
            throw new ConflictException("The suggestion is " + status + ", no longer open");
        }
    }

    public void declaredAs(UUID outage) {
        status = DECLARED;
        outageId = outage;
    }
}
