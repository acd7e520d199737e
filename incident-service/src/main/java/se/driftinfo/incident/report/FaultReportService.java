package se.driftinfo.incident.report;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.catalog.KnownCatalog;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageRepository;
import se.driftinfo.incident.outage.OutageResolved;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.sla.SupportHours;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.domain.StaleVersionException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.validation.NoIdentityNumber;

/** Receives fault reports (API and form alike) and applies the helpdesk's triage. */
@ApplicationScoped
public class FaultReportService {

    /** A clock skew allowance for observedAt coming from the clinic's machine. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final FaultReportRepository reports;
    private final ReportIntake intake;
    private final KnownCatalog catalog;
    private final OutageRepository outages;
    private final SlaPolicy sla;
    private final ReportEvents events;
    private final Validator validator;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Set<String> ownSystemOrganisations;
    private final RateLimits rateLimits;

    /**
     * The rate limit on receipts to one address: anyone can type any address into the form, and each
     * report mails its receipt there, so a stranger could otherwise mail text of their choosing to anyone.
     */
    public static final String RECEIPT_LIMIT = "fault-report-receipt";

    public FaultReportService(
            FaultReportRepository reports,
            ReportIntake intake,
            KnownCatalog catalog,
            OutageRepository outages,
            SlaPolicy sla,
            ReportEvents events,
            Validator validator,
            Clock clock,
            MeterRegistry metrics,
            IncidentConfig config,
            RateLimits rateLimits) {
        this.reports = reports;
        this.intake = intake;
        this.catalog = catalog;
        this.outages = outages;
        this.sla = sla;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
        this.metrics = metrics;
        this.ownSystemOrganisations = config.apiKeys().values().stream()
                .map(IncidentConfig.ApiKey::organisation)
                .collect(Collectors.toUnmodifiableSet());
        this.rateLimits = rateLimits;
    }

    /**
     * A report from a provider's own system (its API key already matched the unit's organisation) or from
     * the helpdesk (any unit). Validates, stores and announces it; nothing is stored if any field is wrong.
     * Returns once the report is committed (with others that arrived at the same time, see
     * {@link ReportIntake}), so it is not called in a transaction of the caller's.
     */
    public FaultReport receive(ReportInput input) {
        return intake.store(validate(input, Instant.now(clock)));
    }

    /**
     * A report from the form, which anyone may send without an account. A provider reports only for its
     * own units, and a provider with a system of its own proves which units are its own with its API key.
     * The form proves nothing, so it may not speak for such a provider's units at all: they report through
     * their system or phone the helpdesk. Units of organisations without a key of their own have no other
     * channel, and the form is theirs.
     */
    public FaultReport receiveAnonymously(ReportInput input) {
        FaultReport.Draft draft = validate(input, Instant.now(clock));
        String organisation = draft.reporterHsaId().substring(2, 12);
        if (ownSystemOrganisations.contains(organisation)) {
            throw new InvalidFieldException(
                    "reporterHsaId",
                    "is a unit of organisation " + organisation + ", which reports faults through its own"
                            + " system; report there or phone the helpdesk");
        }
        // Counted only for a report that would be received (and mailed): refused posts cannot use up a
        // clinic's receipts, and nothing is stored when the limit says no.
        rateLimits.check(RECEIPT_LIMIT, recipient(draft.contactEmail()));
        return intake.store(draft);
    }

    /** One mailbox, however the address is written: case and a {@code +tag} do not make another one. */
    static String recipient(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        int plus = address.indexOf('+');
        return plus > 0 && plus < at ? address.substring(0, plus) + address.substring(at) : address;
    }

    /**
     * The constraints of {@link ReportInput} name every wrong field at once; then the rules that need the
     * clock. Patient data is counted per field, never logged: how often clinics try to send it tells where
     * to train.
     */
    private FaultReport.Draft validate(ReportInput input, Instant now) {
        Set<ConstraintViolation<ReportInput>> violations = validator.validate(input);
        for (ConstraintViolation<ReportInput> v : violations) {
            if (v.getConstraintDescriptor().getAnnotation() instanceof NoIdentityNumber) {
                metrics.counter(
                                "driftinfo.fault_reports.patient_data_rejected",
                                "field",
                                v.getPropertyPath().toString())
                        .increment();
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Instant observedAt =
                input.observedAt() == null ? null : input.observedAt().toInstant();
        if (observedAt != null && observedAt.isAfter(now.plus(SKEW))) {
            throw new InvalidFieldException("observedAt", "must not be in the future");
        }
        String language = input.language() == null || input.language().isBlank()
                ? "sv"
                : input.language().strip();
        return new FaultReport.Draft(
                input.reporterHsaId().strip(),
                input.unitName(),
                input.contactName(),
                input.contactEmail(),
                input.contactPhone(),
                language,
                input.region(),
                input.system(),
                input.description(),
                Level.valueOf(input.urgency().strip().toUpperCase()),
                observedAt);
    }

    public FaultReport get(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Fault report " + id));
    }

    /**
     * One PATCH from the helpdesk, applied in full or not at all.
     *
     * @param expectedVersion the version the operator saw (from the ETag), or null to skip the check
     */
    @Transactional
    public FaultReport triage(UUID id, Integer expectedVersion, @Valid Triage change, String actor) {
        FaultReport report = get(id);
        if (expectedVersion != null && expectedVersion != report.version) {
            throw new StaleVersionException(
                    "Report " + report.reference + " changed since you loaded it; reload it and try again");
        }
        return apply(report, change, actor);
    }

    /** Links a report to an outage of its region. */
    @Transactional
    public FaultReport link(UUID reportId, UUID outageId, String actor) {
        return apply(get(reportId), Triage.linkTo(outageId), actor);
    }

    /** Unlinks a report from the outage it is linked to. */
    @Transactional
    public FaultReport unlink(UUID reportId, UUID outageId, String actor) {
        FaultReport report = get(reportId);
        if (!outageId.equals(report.outageId)) {
            throw new ConflictException("The report is not linked to this outage");
        }
        return apply(report, Triage.linkTo(null), actor);
    }

    private FaultReport apply(FaultReport report, Triage change, String actor) {
        Instant now = Instant.now(clock);
        ReportStatus statusBefore = report.status;
        int auditBefore = report.audit.size();
        if (change.impact() != null || change.urgency() != null) {
            if (report.assess(change.impact(), change.urgency(), actor, now)) {
                SupportHours hours = supportHours(report);
                report.rescheduleSla(sla.due(report.slaPriority(), report.receivedAt, hours), hours);
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
                        .orElseThrow(() -> new InvalidFieldException("outageId", "no outage " + change.outageId()));
                report.linkTo(outage.id, outage.region, actor, now);
            }
        }
        if (change.status() != null) {
            report.moveTo(change.status(), actor, now, supportHours(report));
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

    private SupportHours supportHours(FaultReport report) {
        return catalog.region(report.region)
                .map(KnownCatalog.Region::supportHours)
                .orElseThrow(() -> new ConflictException("Region " + report.region + " is not in the catalog"));
    }

    /**
     * Linked reports follow their outage: each one not yet resolved is resolved with the outage's
     * message, with its own status-changed event (one mail to its reporter). A report the helpdesk
     * unlinked is no longer linked, so it keeps its own course.
     */
    @Transactional(TxType.MANDATORY)
    void onOutageResolved(@Observes OutageResolved outage) {
        for (FaultReport report : reports.linkedTo(outage.id())) {
            if (report.resolveWithOutage(
                    outage.id(), outage.message(), outage.author(), outage.at(), supportHours(report))) {
                events.resolvedWithOutage(report, outage.message());
            }
        }
        reports.flush();
    }

    /**
     * The helpdesk's changes to a report. {@code assigneeGiven}/{@code outageGiven} tell "set to null"
     * (unassign, unlink) from "not mentioned".
     */
    public record Triage(
            Level impact,
            Level urgency,
            Responsibility responsibility,

            @Size(max = 100, message = "must be at most {max} characters") @NoIdentityNumber
            String assignee,

            boolean assigneeGiven,
            ReportStatus status,
            UUID outageId,
            boolean outageGiven,
            Integer timeSpentMinutes,

            @Size(max = 4000, message = "must be at most {max} characters") @NoIdentityNumber
            String comment) {

        static Triage linkTo(UUID outageId) {
            return new Triage(null, null, null, null, false, null, outageId, true, null, null);
        }
    }
}
