package se.driftinfo.incident.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import se.driftinfo.incident.cover.Cover;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.sla.SupportHours;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;

/**
 * A fault report (felanmälan) from a clinic and the helpdesk's handling of it: triage (impact ×
 * urgency → priority), responsibility, assignee, status along {@link ReportStatus}'s table, comments
 * and a link to an outage. Every change is written to the audit trail by the method that makes it.
 */
@Entity
@Table(name = "fault_report")
public class FaultReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reference;

    @Column(name = "reporter_hsa_id", nullable = false)
    public String reporterHsaId;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String system;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level urgency;

    @Enumerated(EnumType.STRING)
    public Level impact;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    public Responsibility responsibility;

    public String assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(name = "outage_id")
    public UUID outageId;

    @Column(name = "time_spent_minutes", nullable = false)
    public int timeSpentMinutes;

    @Column(name = "observed_at")
    public Instant observedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "response_due", nullable = false)
    public Instant responseDue;

    @Column(name = "resolve_due", nullable = false)
    public Instant resolveDue;

    @Enumerated(EnumType.STRING)
    @Column(name = "covered_kind")
    public Cover.Kind coveredKind;

    @Column(name = "covered_id")
    public UUID coveredId;

    @Column(name = "covered_title")
    public String coveredTitle;

    @Column(name = "covered_until")
    public Instant coveredUntil;

    /** Since when the SLA clock stands still (the helpdesk waits for the reporter); null while it runs. */
    @Column(name = "sla_paused_at")
    public Instant slaPausedAt;

    /** Support time the clock stood still in earlier pauses, in seconds; the due dates are pushed by it. */
    @Column(name = "sla_paused_seconds", nullable = false)
    public long slaPausedSeconds;

    @Version
    public int version;

    // Never moved to another report (updatable = false): the key is written with the row, no UPDATE after it.
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "report_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    public List<ReportComment> comments = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "report_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    public List<AuditEntry> audit = new ArrayList<>();

    protected FaultReport() {}

    /** What a clinic reports; validated before a report is made of it. */
    public record Draft(
            String reporterHsaId,
            String unitName,
            String contactName,
            String contactEmail,
            String contactPhone,
            String language,
            String region,
            String system,
            String description,
            Level urgency,
            Instant observedAt) {}

    /**
     * A newly received report. Until triage sets the impact, the SLA clock assumes medium impact.
     */
    public static FaultReport receive(
            UUID id, String reference, Draft draft, Cover cover, SlaPolicy.Due due, Instant now) {
        FaultReport r = new FaultReport();
        r.id = id;
        r.reference = reference;
        r.reporterHsaId = draft.reporterHsaId();
        r.unitName = draft.unitName().strip();
        r.contactName = draft.contactName().strip();
        r.contactEmail = draft.contactEmail().strip();
        r.contactPhone = draft.contactPhone() == null || draft.contactPhone().isBlank()
                ? null
                : draft.contactPhone().strip();
        r.language = draft.language();
        r.region = draft.region();
        r.system = draft.system();
        r.description = draft.description().strip();
        r.urgency = draft.urgency();
        r.observedAt = draft.observedAt();
        r.status = ReportStatus.NEW;
        r.receivedAt = now;
        r.updatedAt = now;
        r.responseDue = due.response();
        r.resolveDue = due.resolve();
        if (cover != null) {
            r.coveredKind = cover.kind();
            r.coveredId = cover.id();
            r.coveredTitle = cover.title();
            r.coveredUntil = cover.until();
        }
        r.audit.add(new AuditEntry("reporter " + draft.reporterHsaId(), now, "status", null, ReportStatus.NEW.name()));
        return r;
    }

    /**
     * The due date the SLA clock runs toward: the first response while the report is new, then its
     * resolution. The helpdesk's queue is ordered by it.
     */
    public Instant runningDue() {
        return status == ReportStatus.NEW ? responseDue : resolveDue;
    }

    /** The priority the SLA clock runs on: the triaged one, or medium impact until triage. */
    public Priority slaPriority() {
        return priority != null ? priority : Priority.of(Level.MEDIUM, urgency);
    }

    /**
     * Sets impact and/or urgency and derives the priority. Triaging a new report moves it to TRIAGED.
     *
     * @return true if the priority the SLA clock runs on changed (the due dates must be recomputed)
     */
    public boolean assess(Level newImpact, Level newUrgency, String actor, Instant now) {
        requireNotClosed();
        Priority before = priority;
        Priority slaBefore = slaPriority();
        if (newUrgency != null && newUrgency != urgency) {
            record(actor, now, "urgency", urgency, newUrgency);
            urgency = newUrgency;
        }
        if (newImpact != null && newImpact != impact) {
            record(actor, now, "impact", impact, newImpact);
            impact = newImpact;
        }
        if (impact != null) {
            priority = Priority.of(impact, urgency);
        }
        if (priority != before) {
            record(actor, now, "priority", before, priority);
        }
        if (status == ReportStatus.NEW && priority != null) {
            moveTo(ReportStatus.TRIAGED, actor, now);
        }
        return slaPriority() != slaBefore;
    }

    public void assignResponsibility(Responsibility newResponsibility, String actor, Instant now) {
        requireNotClosed();
        if (newResponsibility != responsibility) {
            record(actor, now, "responsibility", responsibility, newResponsibility);
            responsibility = newResponsibility;
        }
    }

    /** Assigns the report; null or blank unassigns it. */
    public void assignTo(String newAssignee, String actor, Instant now) {
        requireNotClosed();
        String value = newAssignee == null || newAssignee.isBlank() ? null : newAssignee.strip();
        if (!Objects.equals(value, assignee)) {
            record(actor, now, "assignee", assignee, value);
            assignee = value;
        }
    }

    /** Records time spent; billable when the provider is responsible. */
    public void recordTimeSpent(int minutes, String actor, Instant now) {
        requireNotClosed();
        if (minutes <= 0) {
            throw new InvalidFieldException("timeSpentMinutes", "must be a positive number of minutes");
        }
        record(actor, now, "timeSpentMinutes", timeSpentMinutes, timeSpentMinutes + minutes);
        timeSpentMinutes += minutes;
    }

    /** Provider-side work is billable; region-side work is not. */
    public int billableMinutes() {
        return responsibility == Responsibility.PROVIDER ? timeSpentMinutes : 0;
    }

    /** The actor named in the audit trail when a report is linked because an outage covered it on arrival. */
    public static final String COVERED_ON_ARRIVAL = "driftinfo (covered on arrival)";

    /** Whether the SLA clock stands still: the helpdesk waits for the reporter. */
    public boolean slaPaused() {
        return slaPausedAt != null;
    }

    /**
     * New due dates for a changed priority (counted from receipt), pushed by the support time of
     * earlier pauses.
     */
    public void rescheduleSla(SlaPolicy.Due due, SupportHours hours) {
        Duration paused = Duration.ofSeconds(slaPausedSeconds);
        responseDue = hours.addSupportTime(due.response(), paused);
        resolveDue = hours.addSupportTime(due.resolve(), paused);
    }

    /** {@link #moveTo(ReportStatus, String, Instant, SupportHours)} for a region that counts every hour. */
    public void moveTo(ReportStatus target, String actor, Instant now) {
        moveTo(target, actor, now, SupportHours.allHours(ZoneOffset.UTC));
    }

    /**
     * Moves along the transition table; anything else is a conflict. Waiting for the reporter stops the
     * SLA clock; leaving that status starts it again and pushes the due dates by the support time
     * (in {@code hours}) it stood still.
     */
    public void moveTo(ReportStatus target, String actor, Instant now, SupportHours hours) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new ConflictException("A report cannot go from " + status + " to " + target + "; allowed: "
                    + (status.next().isEmpty() ? "none" : status.next()));
        }
        if (target == ReportStatus.TRIAGED && priority == null) {
            throw new ConflictException("A report needs an impact (and so a priority) to be triaged");
        }
        record(actor, now, "status", status, target);
        changeStatus(target, now, hours);
    }

    /**
     * Resolves the report with the outage it is linked to, as the outage's last word, whatever the
     * report's status (a major incident's children follow it). A report that is already resolved or
     * closed keeps its course.
     *
     * @return false if there was nothing to resolve
     */
    public boolean resolveWithOutage(UUID outage, String message, String actor, Instant now, SupportHours hours) {
        if (!outage.equals(outageId)) {
            throw new ConflictException("Report " + reference + " is not linked to outage " + outage);
        }
        if (status == ReportStatus.RESOLVED || status == ReportStatus.CLOSED) {
            return false;
        }
        comments.add(new ReportComment(actor, message.strip(), now));
        record(actor, now, "comment", null, "added");
        record(actor, now, "status", status, ReportStatus.RESOLVED);
        changeStatus(ReportStatus.RESOLVED, now, hours);
        return true;
    }

    private void changeStatus(ReportStatus target, Instant now, SupportHours hours) {
        if (target == ReportStatus.WAITING_FOR_REPORTER && slaPausedAt == null) {
            slaPausedAt = now;
        } else if (target != ReportStatus.WAITING_FOR_REPORTER && slaPausedAt != null) {
            Duration paused = hours.supportTimeBetween(slaPausedAt, now);
            responseDue = hours.addSupportTime(responseDue, paused);
            resolveDue = hours.addSupportTime(resolveDue, paused);
            slaPausedSeconds += paused.toSeconds();
            slaPausedAt = null;
        }
        status = target;
    }

    /** Links the report to an outage of its region; null unlinks it. */
    public void linkTo(UUID outage, String outageRegion, String actor, Instant now) {
        requireNotClosed();
        if (outage != null && !region.equals(outageRegion)) {
            throw new ConflictException("The outage is in region " + outageRegion + ", the report in " + region);
        }
        if (!Objects.equals(outage, outageId)) {
            record(actor, now, "outageId", outageId, outage);
            outageId = outage;
        }
    }

    public void comment(String text, String author, Instant now) {
        requireNotClosed();
        comments.add(new ReportComment(author, text.strip(), now));
        record(author, now, "comment", null, "added");
    }

    private void requireNotClosed() {
        if (status == ReportStatus.CLOSED) {
            throw new ConflictException("Report " + reference + " is closed and can no longer change");
        }
    }

    private void record(String actor, Instant now, String field, Object from, Object to) {
        audit.add(new AuditEntry(
                actor, now, field, from == null ? null : from.toString(), to == null ? null : to.toString()));
        updatedAt = now;
    }
}
