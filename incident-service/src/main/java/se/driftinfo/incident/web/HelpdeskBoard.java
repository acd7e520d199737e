package se.driftinfo.incident.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.burst.BurstDetector;
import se.driftinfo.incident.outage.OutageRepository;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportRepository;
import se.driftinfo.incident.report.ReportStatus;

/**
 * The helpdesk's board: what to declare (bursts), what is down (outages) and the queue of open reports,
 * the most urgent answer first. Triage itself goes through the API.
 */
@Path("/helpdesk")
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class HelpdeskBoard {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FaultReportRepository reports;
    private final OutageRepository outages;
    private final BurstDetector bursts;
    private final Clock clock;

    public HelpdeskBoard(FaultReportRepository reports, OutageRepository outages, BurstDetector bursts, Clock clock) {
        this.reports = reports;
        this.outages = outages;
        this.bursts = bursts;
        this.clock = clock;
    }

    public record BoardView(
            List<SuggestionRow> suggestions, List<OutageRow> outages, List<ReportRow> reports, String region) {}

    public record SuggestionRow(String region, String system, int reportCount, String since) {}

    public record OutageRow(
            String reference,
            String title,
            String region,
            String systems,
            String impact,
            String status,
            String since) {}

    public record ReportRow(
            String id,
            String reference,
            String region,
            String system,
            String unitName,
            String urgency,
            String priority,
            String status,
            String assignee,
            String responseDue,
            boolean overdue,
            String coveredBy) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(BoardView view);
    }

    @GET
    @Transactional
    public TemplateInstance board(@QueryParam("region") String region, @QueryParam("status") String status) {
        ReportStatus wanted = Params.enumOrNull("status", status, ReportStatus.class);
        Instant now = Instant.now(clock);
        List<ReportRow> queue = reports.search(wanted, null, region).stream()
                .filter(r -> wanted != null || (r.status != ReportStatus.CLOSED && r.status != ReportStatus.RESOLVED))
                .map(r -> row(r, now))
                .toList();
        return Templates.board(new BoardView(
                bursts.open().stream()
                        .filter(s -> inRegion(s.region, region))
                        .map(s -> new SuggestionRow(s.region, s.system, s.reportCount, format(s.firstReportAt)))
                        .toList(),
                outages.active().stream()
                        .filter(o -> inRegion(o.region, region))
                        .map(o -> new OutageRow(
                                o.reference,
                                o.title,
                                o.region,
                                String.join(", ", o.systems),
                                o.impact.name(),
                                o.status.name(),
                                format(o.startedAt)))
                        .toList(),
                queue,
                region == null ? "" : region));
    }

    private static boolean inRegion(String code, String wanted) {
        return wanted == null || wanted.isBlank() || wanted.equals(code);
    }

    private static ReportRow row(FaultReport r, Instant now) {
        return new ReportRow(
                r.id.toString(),
                r.reference,
                r.region,
                r.system,
                r.unitName,
                r.urgency.name(),
                r.priority == null ? "–" : r.priority.name(),
                r.status.name(),
                r.assignee == null ? "" : r.assignee,
                format(r.responseDue),
                r.status == ReportStatus.NEW && r.responseDue.isBefore(now),
                r.coveredTitle == null ? "" : r.coveredTitle);
    }

    private static String format(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(SWEDEN));
    }
}
