package se.driftinfo.incident.web;

import java.util.List;
import se.driftinfo.incident.web.ReportPageView.Option;

/** What the helpdesk's outage pages show; built by {@link OutagePages}. */
public final class OutagePageViews {

    private OutagePageViews() {}

    public record ListView(List<Row> active, List<Row> resolved, int recentDays) {}

    public record Row(
            String id,
            String reference,
            String title,
            String region,
            String systems,
            String impact,
            String status,
            String startedAt,
            String resolvedAt) {}

    /** The declare form: the systems to choose per region, what was typed, and the notice as clinics see it. */
    public record DeclareView(
            List<RegionChoice> regions,
            List<Option> impacts,
            String title,
            String message,
            Notice preview,
            boolean previewed,
            FieldErrors errors) {}

    public record RegionChoice(String code, String name, List<SystemChoice> systems) {}

    /** One checkbox; {@code value} is {@code region/system}, {@code id} the control's HTML id. */
    public record SystemChoice(String id, String value, String name, boolean checked) {}

    /** An outage notice as a clinic reads it on /driftinfo and in its mail. */
    public record Notice(String title, String region, String systems, String impact, String since, String message) {}

    public record OutageView(
            String id,
            String reference,
            String title,
            String region,
            String systems,
            String impact,
            String status,
            boolean active,
            String startedAt,
            String resolvedAt,
            Notice notice,
            List<TimelineEntry> timeline,
            List<LinkedReport> linked,
            List<Option> statuses,
            String updateMessage,
            String resolution,
            String done,
            FieldErrors errors) {}

    /** One entry of the timeline: {@code kind} is declared, update or resolved. */
    public record TimelineEntry(String kind, String status, String message, String author, String at) {}

    public record LinkedReport(String id, String reference, String unitName, String system, String status) {}
}
