package se.driftinfo.incident.burst;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageImpact;
import se.driftinfo.incident.outage.OutageService;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.report.ReportStatus;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.validation.NoIdentityNumber;

/** The helpdesk's answer to a burst suggestion: accept it (declare the outage) or dismiss it. */
@ApplicationScoped
public class BurstSuggestions {

    private final EntityManager em;
    private final OutageService outages;
    private final FaultReportService reports;
    private final Event<BurstSuggestion.Closed> closed;

    public BurstSuggestions(
            EntityManager em, OutageService outages, FaultReportService reports, Event<BurstSuggestion.Closed> closed) {
        this.em = em;
        this.outages = outages;
        this.reports = reports;
        this.closed = closed;
    }

    /** What the helpdesk declares for a suggestion; the region and system come from it. The REST body as well. */
    public record Acceptance(
            @NotBlank(message = "is required")
            @Size(min = 3, max = 200, message = "must be {min} to {max} characters")
            @NoIdentityNumber
            String title,

            @NotBlank(message = "is required")
            @Size(max = 2000, message = "must be at most {max} characters")
            @NoIdentityNumber
            String message,

            @NotNull(message = "is required: OUTAGE or DEGRADED")
            OutageImpact impact) {}

    /** The declared outage and the reports of the burst now linked to it. */
    public record Accepted(Outage outage, List<FaultReport> linked) {}

    /**
     * Declares the outage the burst points at, started at the burst's first report, and links the burst's
     * open reports that are not linked to another outage. Declaring closes the suggestion.
     */
    @Transactional
    public Accepted accept(UUID id, @Valid @NotNull Acceptance acceptance, String actor) {
        BurstSuggestion suggestion = get(id);
        suggestion.requireOpen();
        Outage outage = outages.declare(
                new OutageService.Declaration(
                        acceptance.title(),
                        suggestion.region,
                        List.of(suggestion.system),
                        acceptance.impact(),
                        suggestion.firstReportAt,
                        acceptance.message()),
                actor);
        List<FaultReport> burst = em.createQuery(
                        "from FaultReport r where r.region = ?1 and r.system = ?2 and r.receivedAt >= ?3"
                                + " and r.outageId is null and r.status not in ?4 order by r.receivedAt",
                        FaultReport.class)
                .setParameter(1, suggestion.region)
                .setParameter(2, suggestion.system)
                .setParameter(3, suggestion.firstReportAt)
                .setParameter(4, List.of(ReportStatus.RESOLVED, ReportStatus.CLOSED))
                .getResultList();
        List<FaultReport> linked =
                burst.stream().map(r -> reports.link(r.id, outage.id, actor)).toList();
        return new Accepted(outage, linked);
    }

    @Transactional
    public BurstSuggestion dismiss(UUID id) {
        BurstSuggestion suggestion = get(id);
        suggestion.dismiss();
        closed.fire(new BurstSuggestion.Closed(suggestion.id));
        return suggestion;
    }

    /** One suggestion, e.g. to learn its region before answering it. */
    public BurstSuggestion get(UUID id) {
        BurstSuggestion suggestion = em.find(BurstSuggestion.class, id);
        if (suggestion == null) {
            throw new NotFoundException("Burst suggestion " + id);
        }
        return suggestion;
    }
}
