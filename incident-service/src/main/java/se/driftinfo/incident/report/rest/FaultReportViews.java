package se.driftinfo.incident.report.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.driftinfo.incident.report.FaultReport;

/**
 * What the API shows of reports; entities never go on the wire. {@code slaPaused} tells that the SLA
 * clock stands still (waiting for the reporter) since {@code slaPausedSince}; the due dates then move
 * on by the paused support time when the report moves on.
 */
public final class FaultReportViews {

    private FaultReportViews() {}

    /** What covers the reported system: run the reserve routine until {@code until} (null: until further notice). */
    public record CoverView(String kind, UUID id, String title, Instant until) {}

    public record Receipt(
            UUID id, String reference, String status, Instant receivedAt, Instant responseDue, CoverView coveredBy) {}

    public record Summary(
            UUID id,
            String reference,
            String region,
            String system,
            String unitName,
            String urgency,
            String impact,
            String priority,
            String status,
            String responsibility,
            String assignee,
            UUID outageId,
            Instant receivedAt,
            Instant responseDue,
            Instant resolveDue,
            boolean slaPaused,
            Instant slaPausedSince,
            CoverView coveredBy) {}

    public record CommentView(String author, String text, Instant at) {}

    public record AuditView(String actor, Instant at, String field, String from, String to) {}

    public record Detail(
            UUID id,
            String reference,
            String reporterHsaId,
            String unitName,
            String contactName,
            String contactEmail,
            String contactPhone,
            String language,
            String region,
            String system,
            String description,
            String urgency,
            String impact,
            String priority,
            String status,
            String responsibility,
            String assignee,
            UUID outageId,
            int timeSpentMinutes,
            int billableMinutes,
            Instant observedAt,
            Instant receivedAt,
            Instant updatedAt,
            Instant responseDue,
            Instant resolveDue,
            boolean slaPaused,
            Instant slaPausedSince,
            CoverView coveredBy,
            List<CommentView> comments,
            List<AuditView> audit) {}

    private static CoverView cover(FaultReport r) {
        return r.coveredKind == null
                ? null
                : new CoverView(r.coveredKind.name(), r.coveredId, r.coveredTitle, r.coveredUntil);
    }

    public static Receipt receipt(FaultReport r) {
        return new Receipt(r.id, r.reference, r.status.name(), r.receivedAt, r.responseDue, cover(r));
    }

    public static Summary summary(FaultReport r) {
        return new Summary(
                r.id,
                r.reference,
                r.region,
                r.system,
                r.unitName,
                r.urgency.name(),
                name(r.impact),
                name(r.priority),
                r.status.name(),
                name(r.responsibility),
                r.assignee,
                r.outageId,
                r.receivedAt,
                r.responseDue,
                r.resolveDue,
                r.slaPaused(),
                r.slaPausedAt,
                cover(r));
    }

    public static Detail detail(FaultReport r) {
        return new Detail(
                r.id,
                r.reference,
                r.reporterHsaId,
                r.unitName,
                r.contactName,
                r.contactEmail,
                r.contactPhone,
                r.language,
                r.region,
                r.system,
                r.description,
                r.urgency.name(),
                name(r.impact),
                name(r.priority),
                r.status.name(),
                name(r.responsibility),
                r.assignee,
                r.outageId,
                r.timeSpentMinutes,
                r.billableMinutes(),
                r.observedAt,
                r.receivedAt,
                r.updatedAt,
                r.responseDue,
                r.resolveDue,
                r.slaPaused(),
                r.slaPausedAt,
                cover(r),
                r.comments.stream()
                        .map(c -> new CommentView(c.author, c.text, c.at))
                        .toList(),
                r.audit.stream()
                        .map(a -> new AuditView(a.actor, a.at, a.field, a.fromValue, a.toValue))
                        .toList());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
