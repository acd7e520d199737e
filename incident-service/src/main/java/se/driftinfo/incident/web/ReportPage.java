package se.driftinfo.incident.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.catalog.CatalogRegion;
import se.driftinfo.incident.catalog.CatalogRepository;
import se.driftinfo.incident.cover.Cover;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageRepository;
import se.driftinfo.incident.report.AuditEntry;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.report.FaultReportService.Triage;
import se.driftinfo.incident.report.ReportStatus;
import se.driftinfo.incident.report.Responsibility;
import se.driftinfo.incident.sla.SupportHours;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.incident.web.ReportPageView.Option;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.StaleVersionException;
import se.driftinfo.kit.validation.NoIdentityNumber;

/**
 * The helpdesk's page of one fault report: what was reported, the SLA clock, and every triage action as
 * a form. Each action goes through {@link FaultReportService#triage} with the version the page showed,
 * so a change someone else made in between is refused, not overwritten. A refused action re-renders the
 * page with the message on the field (400), or on the page for a conflict or stale version (409).
 */
@Path("/helpdesk/reports")
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class ReportPage {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Level[] DESCENDING = {Level.HIGH, Level.MEDIUM, Level.LOW};
    private static final Set<String> DONE =
            Set.of("assessment", "status", "responsibility", "assignee", "comment", "outage");

    private final FaultReportService service;
    private final CatalogRepository catalog;
    private final OutageRepository outages;
    private final RegionAccess access;
    private final SecurityIdentity identity;
    private final CaseMessages msg;
    private final Clock clock;

    public ReportPage(
            FaultReportService service,
            CatalogRepository catalog,
            OutageRepository outages,
            RegionAccess access,
            SecurityIdentity identity,
            CaseMessages msg,
            Clock clock) {
        this.service = service;
        this.catalog = catalog;
        this.outages = outages;
        this.access = access;
        this.identity = identity;
        this.msg = msg;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ReportPageView view);
    }

    @GET
    @Path("/{id}")
    @Transactional // comments and the audit trail load lazily
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("klart") String done) {
        FaultReport report = service.get(Params.uuid("id", id));
        access.require(report.region);
        return Templates.page(
                view(report, done != null && DONE.contains(done) ? msg.done(done) : null, FieldErrors.none(), null));
    }

    @POST
    @Path("/{id}/assessment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assess(
            @PathParam("id") String id,
            @FormParam("version") String version,
            @FormParam("impact") String impact,
            @FormParam("urgency") String urgency) {
        return act(id, version, "assessment", "impact", null, report -> {
            Level newImpact = Params.enumOrNull("impact", impact, Level.class);
            if (newImpact == null) {
                throw new InvalidFieldException("impact", "is required");
            }
            return new Triage(
                    newImpact,
                    Params.enumOrNull("urgency", urgency, Level.class),
                    null,
                    null,
                    false,
                    null,
                    null,
                    false,
                    null,
                    null);
        });
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(
            @PathParam("id") String id, @FormParam("version") String version, @FormParam("status") String status) {
        return act(
                id,
                version,
                "status",
                "status",
                null,
                report -> {
                    ReportStatus target = Params.enumOrNull("status", status, ReportStatus.class);
                    if (target == null) {
                        throw new InvalidFieldException("status", "is required");
                    }
                    return new Triage(null, null, null, null, false, target, null, false, null, null);
                },
                report -> forbidden(report, status));
    }

    @POST
    @Path("/{id}/responsibility")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response responsibility(
            @PathParam("id") String id,
            @FormParam("version") String version,
            @FormParam("responsibility") String responsibility,
            @FormParam("timeAmount") String timeAmount,
            @FormParam("timeUnit") String timeUnit) {
        ReportPageView.Typed typed = new ReportPageView.Typed(timeAmount, timeUnit, null, "");
        return act(
                id,
                version,
                "responsibility",
                "responsibility",
                typed,
                report -> new Triage(
                        null,
                        null,
                        Params.enumOrNull("responsibility", responsibility, Responsibility.class),
                        null,
                        false,
                        null,
                        null,
                        false,
                        minutes(timeAmount, timeUnit),
                        null));
    }

    @POST
    @Path("/{id}/take")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response take(@PathParam("id") String id, @FormParam("version") String version) {
        String me = identity.getPrincipal().getName();
        return act(
                id,
                version,
                "assignee",
                "assignee",
                null,
                report -> new Triage(null, null, null, me, true, null, null, false, null, null));
    }

    @POST
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(
            @PathParam("id") String id, @FormParam("version") String version, @FormParam("assignee") String assignee) {
        ReportPageView.Typed typed = new ReportPageView.Typed("", "MINUTES", assignee, "");
        return act(
                id,
                version,
                "assignee",
                "assignee",
                typed,
                report -> new Triage(null, null, null, assignee, true, null, null, false, null, null));
    }

    @POST
    @Path("/{id}/comment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(
            @PathParam("id") String id, @FormParam("version") String version, @FormParam("comment") String comment) {
        ReportPageView.Typed typed = new ReportPageView.Typed("", "MINUTES", null, comment);
        return act(id, version, "comment", "comment", typed, report -> {
            if (comment == null || comment.isBlank()) {
                throw new InvalidFieldException("comment", "is required");
            }
            return new Triage(null, null, null, null, false, null, null, false, null, comment);
        });
    }

    @POST
    @Path("/{id}/outage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(
            @PathParam("id") String id, @FormParam("version") String version, @FormParam("outageId") String outageId) {
        return act(id, version, "outage", "outageId", null, report -> {
            UUID outage = outageId == null || outageId.isBlank() ? null : Params.uuid("outageId", outageId);
            if (outage == null) {
                throw new InvalidFieldException("outageId", "is required");
            }
            outages.findByIdOptional(outage).ifPresent(o -> access.require(o.region));
            return new Triage(null, null, null, null, false, null, outage, true, null, null);
        });
    }

    @POST
    @Path("/{id}/outage/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("id") String id, @FormParam("version") String version) {
        return act(
                id,
                version,
                "outage",
                "outageId",
                null,
                report -> new Triage(null, null, null, null, false, null, null, true, null, null));
    }

    /**
     * Applies one form's change with the version the page showed; on success 303 back to the page with a
     * confirmation, else the page again with the reason. {@code field} is the form's main field, where a
     * conflict is shown.
     */
    private Response act(
            String id,
            String version,
            String done,
            String field,
            ReportPageView.Typed typed,
            Function<FaultReport, Triage> change) {
        return act(id, version, done, field, typed, change, report -> msg.conflict());
    }

    private Response act(
            String id,
            String version,
            String done,
            String field,
            ReportPageView.Typed typed,
            Function<FaultReport, Triage> change,
            Function<FaultReport, String> conflict) {
        UUID reportId = Params.uuid("id", id);
        FaultReport current = service.get(reportId);
        access.require(current.region);
        FieldErrors errors = FieldErrors.none();
        int status;
        try {
            Integer expected = parseVersion(version);
            service.triage(
                    reportId,
                    expected,
                    change.apply(current),
                    identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/helpdesk/reports/" + reportId + "?klart=" + done))
                    .build();
        } catch (StaleVersionException e) {
            errors.page(msg.staleVersion()).on(field, msg.staleShort());
            status = 409;
        } catch (ConflictException e) {
            // The domain's reason is English (it is the API's too); the page says it in Swedish first.
            errors.on(field, conflict.apply(current) + " (" + e.getMessage() + ")");
            status = 409;
        } catch (InvalidFieldException e) {
            e.errors().forEach(error -> errors.on(formField(error.field()), message(formField(error.field()), false)));
            status = 400;
        } catch (ConstraintViolationException e) {
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                String name = formField(FieldErrors.fieldOf(v));
                errors.on(name, message(name, v.getConstraintDescriptor().getAnnotation() instanceof NoIdentityNumber));
            }
            status = 400;
        }
        // Text that holds patient data goes nowhere, not even back into the form.
        ReportPageView.Typed shown = typed == null
                ? null
                : new ReportPageView.Typed(
                        typed.timeAmount(),
                        typed.timeUnit(),
                        msg.patientData().equals(errors.get("assignee")) ? "" : typed.assignee(),
                        msg.patientData().equals(errors.get("comment")) ? "" : typed.comment());
        String page = QuarkusTransaction.requiringNew()
                .call(() -> Templates.page(view(service.get(reportId), null, errors, shown))
                        .render());
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page)
                .build();
    }

    /** A refused status change names the statuses the report may go to (the domain's table). */
    private String forbidden(FaultReport report, String target) {
        ReportStatus wanted;
        try {
            wanted = Params.enumOrNull("status", target, ReportStatus.class);
        } catch (InvalidFieldException e) {
            return msg.conflict();
        }
        if (wanted == null || report.status.canMoveTo(wanted)) {
            return msg.conflict();
        }
        return msg.forbiddenTransition(
                msg.status(report.status),
                report.status.next().stream().map(msg::status).collect(Collectors.joining(", ")));
    }

    /** The version the page was rendered with; a page without one cannot prove it saw the current report. */
    private static Integer parseVersion(String version) {
        try {
            return Integer.valueOf(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new StaleVersionException("The form carried no version of the report");
        }
    }

    /** Minutes from the form's amount and unit (minutes or hours, decimal comma allowed); blank: none. */
    private static Integer minutes(String amount, String unit) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(amount.strip().replace(',', '.'));
            BigDecimal minutes = "HOURS".equals(unit) ? value.multiply(BigDecimal.valueOf(60)) : value;
            return minutes.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidFieldException("timeAmount", "must be a number");
        }
    }

    /** The form field a domain field is entered in. */
    private static String formField(String field) {
        return switch (field) {
            case "timeSpentMinutes", "timeUnit" -> "timeAmount";
            default -> field;
        };
    }

    private String message(String field, boolean patientData) {
        if (patientData) {
            return msg.patientData();
        }
        return switch (field) {
            case "impact" -> msg.impactRequired();
            case "timeAmount" -> msg.timeSpent();
            case "assignee" -> msg.assignee();
            case "comment" -> msg.comment();
            case "outageId" -> msg.outage();
            case "status" -> msg.statusRequired();
            default -> msg.chooseFromList();
        };
    }

    ReportPageView view(FaultReport r, String done, FieldErrors errors, ReportPageView.Typed typed) {
        Instant now = Instant.now(clock);
        CatalogRegion region = catalog.region(r.region).orElse(null);
        String systemName = region == null
                ? r.system
                : region.system(r.system).map(s -> s.name).orElse(r.system);
        SupportHours hours = region == null ? SupportHours.allHours(SWEDEN) : region.supportHours();
        Outage linked = r.outageId == null ? null : outages.findById(r.outageId);
        return new ReportPageView(
                r.id.toString(),
                r.reference,
                r.version,
                region == null ? r.region : region.name,
                systemName,
                r.unitName,
                r.reporterHsaId,
                r.contactName,
                r.contactEmail,
                r.contactPhone,
                r.description,
                format(r.observedAt),
                format(r.receivedAt),
                msg.level(r.urgency),
                r.impact == null ? null : msg.level(r.impact),
                r.priority == null ? null : r.priority.name(),
                msg.status(r.status),
                r.responsibility == null ? null : msg.responsibility(r.responsibility),
                r.assignee,
                r.timeSpentMinutes,
                r.billableMinutes(),
                sla(r, hours, now),
                r.coveredKind == null
                        ? null
                        : new ReportPageView.Cover(
                                r.coveredKind == Cover.Kind.OUTAGE,
                                r.coveredId.toString(),
                                r.coveredTitle,
                                format(r.coveredUntil)),
                linked == null
                        ? null
                        : new ReportPageView.LinkedOutage(
                                linked.id.toString(),
                                linked.reference,
                                linked.title,
                                msg.outageStatus(linked.status),
                                linked.isActive()),
                matrix(r),
                options(DESCENDING, r.impact),
                options(DESCENDING, r.urgency),
                r.status.next().stream()
                        .map(s -> new Option(s.name(), msg.status(s), false))
                        .toList(),
                Arrays.stream(Responsibility.values())
                        .map(x -> new Option(x.name(), msg.responsibility(x), x == r.responsibility))
                        .toList(),
                outages.active().stream()
                        .filter(o -> o.region.equals(r.region) && access.allows(o.region))
                        .map(o -> new Option(o.id.toString(), o.reference + " – " + o.title, o.id.equals(r.outageId)))
                        .toList(),
                r.comments.stream()
                        .map(c -> new ReportPageView.Comment(c.author, format(c.at), c.text))
                        .toList(),
                r.audit.stream().map(this::audit).toList(),
                identity.getPrincipal().getName(),
                done,
                errors,
                typed == null ? ReportPageView.Typed.nothing() : typed);
    }

    private List<ReportPageView.MatrixRow> matrix(FaultReport r) {
        return Arrays.stream(DESCENDING)
                .map(impact -> new ReportPageView.MatrixRow(
                        impact,
                        msg.level(impact),
                        Arrays.stream(DESCENDING)
                                .map(urgency -> new ReportPageView.MatrixCell(
                                        urgency,
                                        Priority.of(impact, urgency),
                                        impact == r.impact && urgency == r.urgency))
                                .toList()))
                .toList();
    }

    private List<Option> options(Level[] levels, Level current) {
        return Arrays.stream(levels)
                .map(l -> new Option(l.name(), msg.level(l), l == current))
                .toList();
    }

    /**
     * Time left counted in the region's support hours; a paused clock counts up to the moment it stopped.
     */
    private ReportPageView.Sla sla(FaultReport r, SupportHours hours, Instant now) {
        Instant at = r.slaPaused() ? r.slaPausedAt : now;
        return new ReportPageView.Sla(
                format(r.responseDue),
                left(hours, at, r.responseDue),
                !r.responseDue.isAfter(at),
                format(r.resolveDue),
                left(hours, at, r.resolveDue),
                !r.resolveDue.isAfter(at),
                r.slaPaused(),
                format(r.slaPausedAt));
    }

    private String left(SupportHours hours, Instant at, Instant due) {
        Duration d = due.isAfter(at) ? hours.supportTimeBetween(at, due) : hours.supportTimeBetween(due, at);
        return msg.duration(d.toHours(), d.toMinutesPart());
    }

    private ReportPageView.Audit audit(AuditEntry a) {
        return new ReportPageView.Audit(
                a.actor, format(a.at), msg.auditField(a.field), value(a.field, a.fromValue), value(a.field, a.toValue));
    }

    /** An audit value as the page says it: Swedish words for the domain's values, an outage by its reference. */
    private String value(String field, String value) {
        if (value == null) {
            return "–";
        }
        try {
            return switch (field) {
                case "status" -> msg.status(ReportStatus.valueOf(value));
                case "impact", "urgency" -> msg.level(Level.valueOf(value));
                case "responsibility" -> msg.responsibility(Responsibility.valueOf(value));
                case "outageId" ->
                    outages.findByIdOptional(UUID.fromString(value))
                            .map(o -> o.reference)
                            .orElse(value);
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    static String format(Instant at) {
        return at == null ? null : WHEN.format(at.atZone(SWEDEN));
    }
}
