package se.driftinfo.incident.web;

import java.util.List;

/**
 * What the helpdesk queue page shows; {@link Live} is the part the page reloads every few seconds.
 * Entities never reach a template: every value here is ready to print.
 */
public record QueueView(
        Filter filter, Flash flash, List<Suggestion> suggestions, List<ActiveOutage> outages, Live live, String query) {

    /** The filter form: its current values and choices. */
    public record Filter(
            String region,
            String system,
            String status,
            String priority,
            String responsibility,
            boolean mine,
            List<Option> regions,
            List<Option> systems,
            List<String> statuses,
            List<String> priorities,
            List<String> responsibilities) {}

    public record Option(String value, String name) {}

    /** What happened after a post: a message and, per report, why it was not changed. */
    public record Flash(String message, List<String> failures, boolean error) {}

    /** A burst of reports with no outage declared, with the declaration form's prefilled values. */
    public record Suggestion(String id, String regionName, String systemName, int reportCount, String since) {}

    public record ActiveOutage(
            String id,
            String reference,
            String title,
            String regionName,
            String systems,
            String impact,
            String status,
            String since) {}

    /**
     * The live part: counts per status, the page of reports and the paging. {@code fragment} is where the
     * page's script fetches a newer copy of it.
     */
    public record Live(
            String fragment,
            List<Count> counts,
            List<Row> rows,
            String showing,
            String previous,
            String next,
            String caption) {}

    public record Count(String status, long count, String href, boolean current) {}

    public record Row(
            String id,
            String reference,
            String href,
            String regionName,
            String systemName,
            String unitName,
            String priority,
            String status,
            String assignee,
            String sla,
            String slaState,
            String due,
            String dueIso,
            String outageId,
            String outageReference,
            String outageTitle,
            String coveredTitle,
            long received) {}
}
