package se.driftinfo.incident.web;

import java.util.List;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.incident.triage.Priority;

/** What the helpdesk's page of one fault report shows; built by {@link ReportPage}. */
public record ReportPageView(
        String id,
        String reference,
        int version,
        String regionName,
        String systemName,
        String unitName,
        String reporterHsaId,
        String contactName,
        String contactEmail,
        String contactPhone,
        String description,
        String observedAt,
        String receivedAt,
        String urgency,
        String impact,
        String priority,
        String status,
        String responsibility,
        String assignee,
        int timeSpentMinutes,
        int billableMinutes,
        Sla sla,
        Cover cover,
        LinkedOutage outage,
        List<MatrixRow> matrix,
        List<Option> impacts,
        List<Option> urgencies,
        List<Option> transitions,
        List<Option> responsibilities,
        List<Option> outages,
        List<Comment> comments,
        List<Audit> audit,
        String me,
        String done,
        FieldErrors errors,
        Typed typed) {

    /** A choice of a select or a radio group. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * The SLA clock: due times and support time left (negative: overdue). While the helpdesk waits for
     * the reporter the clock stands still, and the time left is what was left when it stopped.
     */
    public record Sla(
            String responseDue,
            String responseLeft,
            boolean responseOverdue,
            String resolveDue,
            String resolveLeft,
            boolean resolveOverdue,
            boolean paused,
            String pausedSince) {}

    /** The maintenance window or outage that already explained the fault when it was reported. */
    public record Cover(boolean outage, String id, String title, String until) {}

    public record LinkedOutage(String id, String reference, String title, String status, boolean active) {}

    /** One row of the ITIL matrix: an impact and the priority for each urgency. */
    public record MatrixRow(Level impact, String impactLabel, List<MatrixCell> cells) {}

    public record MatrixCell(Level urgency, Priority priority, boolean current) {}

    public record Comment(String author, String at, String text) {}

    public record Audit(String actor, String at, String field, String from, String to) {}

    /** What the user typed in a refused form, shown back in its fields. */
    public record Typed(String timeAmount, String timeUnit, String assignee, String comment) {
        static Typed nothing() {
            return new Typed("", "MINUTES", null, "");
        }
    }
}
