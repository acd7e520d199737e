package se.driftinfo.incident.burst;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.driftinfo.kit.domain.ConflictException;

/**
 * A burst of fault reports for one system of one region with no outage declared: the detector's
 * suggestion to the helpdesk to declare one. Closed when an outage covering it is declared (also by
 * accepting it), or dismissed by the helpdesk; a report arriving after that opens a new suggestion if the
 * burst still holds.
 */
@Entity
@Table(name = "burst_suggestion")
public class BurstSuggestion extends PanacheEntityBase {

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

    @Column(name = "report_count", nullable = false)
    public int reportCount;

    @Column(name = "first_report_at", nullable = false)
    public Instant firstReportAt;

    @Column(name = "last_report_at", nullable = false)
    public Instant lastReportAt;

    @Column(name = "outage_id")
    public UUID outageId;

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
