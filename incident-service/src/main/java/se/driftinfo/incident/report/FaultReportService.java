package se.driftinfo.incident.report;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import se.driftinfo.incident.Violations;
import se.driftinfo.incident.catalog.CatalogRegion;
import se.driftinfo.incident.catalog.CatalogRepository;
import se.driftinfo.incident.cover.Cover;
import se.driftinfo.incident.cover.CoverFinder;
import se.driftinfo.incident.outage.BurstDetector;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageRepository;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.kit.problem.ProblemException;

/** Receives fault reports (API and form alike) and applies the helpdesk's triage. */
@ApplicationScoped
public class FaultReportService {

    /** Reference numbers carry the year as the clinics see it. */
    private static final ZoneId REFERENCE_ZONE = ZoneId.of("Europe/Stockholm");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()-]{5,30}");
    private static final String PATIENT_DATA = "contains what looks like a Swedish personal identity number"
            + " (personnummer or samordningsnummer); fault reports must not contain patient data, remove it";
    /** A clock skew allowance for observedAt coming from the clinic's machine. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final FaultReportRepository reports;
    private final CatalogRepository catalog;
    private final OutageRepository outages;
    private final CoverFinder covers;
    private final SlaPolicy sla;
    private final ReportEvents events;
    private final BurstDetector bursts;
    private final Clock clock;
    private final MeterRegistry metrics;

    public FaultReportService(
            FaultReportRepository reports,
            CatalogRepository catalog,
            OutageRepository outages,
            CoverFinder covers,
            SlaPolicy sla,
            ReportEvents events,
            BurstDetector bursts,
            Clock clock,
            MeterRegistry metrics) {
        this.reports = reports;
        this.catalog = catalog;
        this.outages = outages;
        this.covers = covers;
        this.sla = sla;
        this.events = events;
        this.bursts = bursts;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Validates, stores and announces a report; nothing is stored if any field is wrong. */
    @Transactional
    public FaultReport receive(ReportInput input) {
        Instant now = Instant.now(clock);
        Validated valid = validate(input, now);
        FaultReport.Draft draft = valid.draft();
        CatalogRegion region = valid.region();
        Cover cover = covers.find(draft.region(), draft.system(), now).orElse(null);
        SlaPolicy.Due due = sla.due(Priority.of(Level.MEDIUM, draft.urgency()), now, region.supportHours());
        String reference = "FR-%d-%06d".formatted(now.atZone(REFERENCE_ZONE).getYear(), reports.nextNumber());
        FaultReport report = FaultReport.receive(UUID.randomUUID(), reference, draft, cover, due, now);
        reports.persist(report);
        events.received(report);
        metrics.counter(
                        "driftinfo.fault_reports.received",
                        "region",
                        report.region,
                        "covered",
                        String.valueOf(cover != null))
                .increment();
        if (cover == null) {
            bursts.onReport(report.region, report.system, now);
        }
        return report;
    }

    /**
     * Checks every field and reports all problems at once. Free text is checked for identity numbers
     * first; the reason never repeats the text.
     */
    public Validated validate(ReportInput d, Instant now) {
        Violations v = new Violations();
        Level urgency = null;
        if (d.urgency() == null || d.urgency().isBlank()) {
            v.add("urgency", "is required: LOW, MEDIUM or HIGH");
        } else {
            try {
                urgency = Level.valueOf(d.urgency().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                v.add("urgency", "must be one of LOW, MEDIUM, HIGH");
            }
        }
        Instant observedAt = null;
        if (d.observedAt() != null && !d.observedAt().isBlank()) {
            try {
                observedAt = OffsetDateTime.parse(d.observedAt().strip()).toInstant();
            } catch (DateTimeParseException e) {
                v.add("observedAt", "must be a date-time with offset like 2027-01-20T17:00:00Z");
            }
        }
        String language = d.language() == null || d.language().isBlank()
                ? "sv"
                : d.language().strip();
        String hsa = HsaId.problem(d.reporterHsaId());
        if (hsa != null) {
            v.add("reporterHsaId", hsa);
        }
        v.length("unitName", d.unitName(), 2, 200);
        v.length("contactName", d.contactName(), 2, 100);
        v.length("contactEmail", d.contactEmail(), 3, 254);
        if (!v.has("contactEmail") && !EMAIL.matcher(d.contactEmail().strip()).matches()) {
            v.add("contactEmail", "must be an e-mail address like name@example.se");
        }
        if (d.contactPhone() != null
                && !d.contactPhone().isBlank()
                && !PHONE.matcher(d.contactPhone().strip()).matches()) {
            v.add(
                    "contactPhone",
                    "must be a phone number of digits, spaces, +, - and parentheses (5 to 30 characters)");
        }
        v.length("description", d.description(), 10, 4000);
        for (var field : new String[][] {
            {"description", d.description()}, {"unitName", d.unitName()}, {"contactName", d.contactName()}
        }) {
            if (!v.has(field[0]) && PersonnummerGuard.containsIdentityNumber(field[1])) {
                v.add(field[0], PATIENT_DATA);
                // Counted, never logged: how often clinics try to send patient data tells where to train.
                metrics.counter("driftinfo.fault_reports.patient_data_rejected", "field", field[0])
                        .increment();
            }
        }
        if (!language.equals("sv") && !language.equals("en")) {
            v.add("language", "must be sv or en");
        }
        if (observedAt != null && observedAt.isAfter(now.plus(SKEW))) {
            v.add("observedAt", "must not be in the future");
        }
        Optional<CatalogRegion> region = catalog.region(d.region());
        if (d.region() == null || d.region().isBlank()) {
            v.add("region", "is required");
        } else if (region.isEmpty()) {
            v.add("region", "unknown region '" + d.region() + "'");
        }
        if (d.system() == null || d.system().isBlank()) {
            v.add("system", "is required");
        } else if (region.isPresent() && region.get().system(d.system()).isEmpty()) {
            v.add("system", "region " + d.region() + " has no system '" + d.system() + "'");
        }
        v.throwIfAny();
        return new Validated(
                new FaultReport.Draft(
                        d.reporterHsaId().strip(),
                        d.unitName(),
                        d.contactName(),
                        d.contactEmail(),
                        d.contactPhone(),
                        language,
                        d.region(),
                        d.system(),
                        d.description(),
                        urgency,
                        observedAt),
                region.orElseThrow());
    }

    /** A report that passed every check, with the region it names. */
    public record Validated(FaultReport.Draft draft, CatalogRegion region) {}

    public FaultReport get(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Fault report " + id));
    }

    /** One PATCH from the helpdesk, applied in full or not at all. */
    @Transactional
    public FaultReport triage(UUID id, Triage change, String actor) {
        return triage(id, null, change, actor);
    }

    /**
     * @param expectedVersion the version the operator saw (from the ETag), or null to skip the check
     */
    @Transactional
    public FaultReport triage(UUID id, Integer expectedVersion, Triage change, String actor) {
        Violations v = new Violations();
        v.length("comment", change.comment(), 0, 4000);
        v.length("assignee", change.assignee(), 0, 100);
        if (!v.has("comment") && PersonnummerGuard.containsIdentityNumber(change.comment())) {
            v.add("comment", PATIENT_DATA);
        }
        v.throwIfAny();
        FaultReport report = get(id);
        if (expectedVersion != null && expectedVersion != report.version) {
            throw new ProblemException(
                    412,
                    "stale-version",
                    "Precondition failed",
                    "Report " + report.reference + " changed since you loaded it; reload it and try again",
                    null);
        }
        Instant now = Instant.now(clock);
        ReportStatus statusBefore = report.status;
        int auditBefore = report.audit.size();
        if (change.impact() != null || change.urgency() != null) {
            if (report.assess(change.impact(), change.urgency(), actor, now)) {
                CatalogRegion region = catalog.region(report.region)
                        .orElseThrow(
                                () -> ProblemException.conflict("Region " + report.region + " is not in the catalog"));
                report.rescheduleSla(sla.due(report.slaPriority(), report.receivedAt, region.supportHours()));
            }
        }
        if (change.responsibility() != null) {
            report.assignResponsibility(change.responsibility(), actor, now);
        }
        if (change.assigneeGiven()) {
            report.assignTo(change.assignee(), actor, now);
        }
        if (change.timeSpentMinutes() != null) {
            report.recordTimeSpent(change.timeSpentMinutes(), actor, now);
        }
        if (change.outageGiven()) {
            if (change.outageId() == null) {
                report.linkTo(null, null, actor, now);
            } else {
                Outage outage = outages.findByIdOptional(change.outageId())
                        .orElseThrow(() -> ProblemException.invalidField("outageId", "no outage " + change.outageId()));
                report.linkTo(outage.id, outage.region, actor, now);
            }
        }
        if (change.status() != null) {
            report.moveTo(change.status(), actor, now);
        }
        if (change.comment() != null && !change.comment().isBlank()) {
            report.comment(change.comment(), actor, now);
        }
        boolean triaged = report.audit.subList(auditBefore, report.audit.size()).stream()
                .anyMatch(a -> !a.field.equals("status") && !a.field.equals("comment"));
        if (triaged) {
            events.triaged(report);
        }
        if (report.status != statusBefore) {
            events.statusChanged(report);
        }
        // Flush here so a concurrent change fails as an OptimisticLockException (409), not at commit.
        reports.flush();
        return report;
    }

    /**
     * The helpdesk's changes. {@code assigneeGiven}/{@code outageGiven} tell "set to null" (unassign,
     * unlink) from "not mentioned".
     */
    public record Triage(
            Level impact,
            Level urgency,
            Responsibility responsibility,
            String assignee,
            boolean assigneeGiven,
            ReportStatus status,
            UUID outageId,
            boolean outageGiven,
            Integer timeSpentMinutes,
            String comment) {}
}
