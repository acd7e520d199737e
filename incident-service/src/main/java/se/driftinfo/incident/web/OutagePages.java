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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.catalog.CatalogRegion;
import se.driftinfo.incident.catalog.CatalogRepository;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageImpact;
import se.driftinfo.incident.outage.OutageRepository;
import se.driftinfo.incident.outage.OutageService;
import se.driftinfo.incident.outage.OutageStatus;
import se.driftinfo.incident.outage.OutageUpdate;
import se.driftinfo.incident.report.FaultReportRepository;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.web.OutagePageViews.DeclareView;
import se.driftinfo.incident.web.OutagePageViews.Notice;
import se.driftinfo.incident.web.OutagePageViews.OutageView;
import se.driftinfo.incident.web.ReportPageView.Option;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.validation.NoIdentityNumber;

/**
 * The helpdesk's outage pages: the list (active and recently resolved), declaring one with a preview of
 * the notice clinics get, and one outage's timeline with its update and resolve forms and its linked
 * reports. Every change goes through {@link OutageService} or {@link FaultReportService}, as the API's do.
 */
@Path("/helpdesk/outages")
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class OutagePages {

    /** How far back the list shows resolved outages. */
    static final int RECENT_DAYS = 7;

    private static final Set<String> DONE = Set.of("declared", "update", "resolved", "unlinked");

    private final OutageService service;
    private final OutageRepository outages;
    private final FaultReportService reportService;
    private final FaultReportRepository reports;
    private final CatalogRepository catalog;
    private final RegionAccess access;
    private final SecurityIdentity identity;
    private final CaseMessages msg;
    private final Clock clock;

    public OutagePages(
            OutageService service,
            OutageRepository outages,
            FaultReportService reportService,
            FaultReportRepository reports,
            CatalogRepository catalog,
            RegionAccess access,
            SecurityIdentity identity,
            CaseMessages msg,
            Clock clock) {
        this.service = service;
        this.outages = outages;
        this.reportService = reportService;
        this.reports = reports;
        this.catalog = catalog;
        this.access = access;
        this.identity = identity;
        this.msg = msg;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(OutagePageViews.ListView view);

        static native TemplateInstance declare(DeclareView view);

        static native TemplateInstance outage(OutageView view);
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        Instant since = Instant.now(clock).minus(Duration.ofDays(RECENT_DAYS));
        return Templates.list(
                new OutagePageViews.ListView(rows(outages.active()), rows(outages.resolvedSince(since)), RECENT_DAYS));
    }

    @GET
    @Path("/new")
    @Transactional
    public TemplateInstance declareForm() {
        return Templates.declare(
                declareView(List.of(), OutageImpact.OUTAGE.name(), "", null, false, FieldErrors.none()));
    }

    /**
     * Declares the outage, or (the {@code preview} button) shows the form again with the notice as clinics
     * will read it. The systems are {@code region/system} values, all of one region.
     */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declare(
            @FormParam("title") String title,
            @FormParam("systems") List<String> systems,
            @FormParam("impact") String impact,
            @FormParam("message") String message,
            @FormParam("action") String action) {
        List<String> chosen = systems == null ? List.of() : systems;
        FieldErrors errors = FieldErrors.none();
        String region = null;
        List<String> codes = new ArrayList<>();
        for (String value : chosen) {
            String[] rs = value.split("/", 2);
            if (rs.length != 2 || (region != null && !region.equals(rs[0]))) {
                errors.on("systems", msg.systems());
                continue;
            }
            region = rs[0];
            codes.add(rs[1]);
        }
        if (region != null) {
            access.require(region);
        }
        int status = 400;
        if (errors.isEmpty() && !"preview".equals(action)) {
            try {
                Outage outage = service.declare(
                        new OutageService.Declaration(
                                title,
                                region,
                                codes,
                                Params.enumOrNull("impact", impact, OutageImpact.class),
                                null,
                                message),
                        identity.getPrincipal().getName());
                return Response.seeOther(URI.create("/helpdesk/outages/" + outage.id + "?klart=declared"))
                        .build();
            } catch (ConstraintViolationException e) {
                fieldErrors(e, errors);
            } catch (InvalidFieldException e) {
                e.errors().forEach(f -> errors.on(formField(f.field()), message(formField(f.field()), false)));
            }
        } else if (errors.isEmpty()) {
            status = 200;
        }
        FieldErrors shown = errors;
        // Text that holds patient data goes nowhere, not even back into the form.
        String typedTitle = msg.patientData().equals(errors.get("title")) ? "" : title;
        String typedMessage = msg.patientData().equals(errors.get("message")) ? "" : message;
        String page = QuarkusTransaction.requiringNew()
                .call(() -> Templates.declare(declareView(chosen, impact, typedTitle, typedMessage, true, shown))
                        .render());
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page)
                .build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("klart") String done) {
        Outage outage = service.get(Params.uuid("id", id));
        access.require(outage.region);
        return Templates.outage(view(
                outage, done != null && DONE.contains(done) ? msg.done(done) : null, "", null, FieldErrors.none()));
    }

    @POST
    @Path("/{id}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(
            @PathParam("id") String id, @FormParam("status") String status, @FormParam("message") String message) {
        return act(id, "update", message, null, outage -> {
            OutageStatus next = Params.enumOrNull("status", status, OutageStatus.class);
            service.update(
                    outage,
                    new OutageService.StatusUpdate(next, message),
                    identity.getPrincipal().getName());
        });
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") String id, @FormParam("resolution") String resolution) {
        return act(
                id,
                "resolved",
                "",
                resolution,
                outage -> service.resolve(
                        outage,
                        new OutageService.Resolution(resolution, null),
                        identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/reports/{reportId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("id") String id, @PathParam("reportId") String reportId) {
        return act(
                id,
                "unlinked",
                "",
                null,
                outage -> reportService.unlink(
                        Params.uuid("reportId", reportId),
                        outage,
                        identity.getPrincipal().getName()));
    }

    private interface Change {
        void apply(UUID outage);
    }

    /** One change of an outage; 303 back with a confirmation, or the page again with the reason on the field. */
    private Response act(String id, String done, String updateMessage, String resolution, Change change) {
        UUID outageId = Params.uuid("id", id);
        access.require(service.get(outageId).region);
        FieldErrors errors = FieldErrors.none();
        int status = 400;
        try {
            change.apply(outageId);
            return Response.seeOther(URI.create("/helpdesk/outages/" + outageId + "?klart=" + done))
                    .build();
        } catch (ConstraintViolationException e) {
            fieldErrors(e, errors);
            if (resolution != null) {
                // The resolve form has one field; its message is called "resolution" there.
                String m = errors.get("message");
                if (m != null) {
                    errors.getFields().remove("message");
                    errors.on("resolution", m);
                }
            }
        } catch (InvalidFieldException e) {
            e.errors().forEach(f -> errors.on(formField(f.field()), message(formField(f.field()), false)));
        } catch (ConflictException e) {
            errors.page(msg.conflict() + " (" + e.getMessage() + ")");
            status = 409;
        }
        // Text that holds patient data goes nowhere, not even back into the form.
        String typedUpdate =
                updateMessage == null || msg.patientData().equals(errors.get("message")) ? "" : updateMessage;
        String typedResolution =
                resolution != null && msg.patientData().equals(errors.get("resolution")) ? "" : resolution;
        Supplier<String> page =
                () -> Templates.outage(view(service.get(outageId), null, typedUpdate, typedResolution, errors))
                        .render();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(QuarkusTransaction.requiringNew().call(page::get))
                .build();
    }

    private void fieldErrors(ConstraintViolationException e, FieldErrors errors) {
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String name = formField(FieldErrors.fieldOf(v));
            errors.on(name, message(name, v.getConstraintDescriptor().getAnnotation() instanceof NoIdentityNumber));
        }
    }

    private static String formField(String field) {
        return switch (field) {
            case "region", "systems" -> "systems";
            case "resolvedAt" -> "resolution";
            default -> field;
        };
    }

    private String message(String field, boolean patientData) {
        if (patientData) {
            return msg.patientData();
        }
        return switch (field) {
            case "title" -> msg.title();
            case "systems" -> msg.systems();
            case "message", "resolution" -> msg.messageText();
            case "status" -> msg.statusRequired();
            default -> msg.chooseFromList();
        };
    }

    private List<OutagePageViews.Row> rows(List<Outage> list) {
        return list.stream()
                .filter(o -> access.allows(o.region))
                .map(o -> new OutagePageViews.Row(
                        o.id.toString(),
                        o.reference,
                        o.title,
                        regionName(o.region),
                        systemNames(o.region, List.copyOf(o.systems)),
                        msg.impact(o.impact),
                        msg.outageStatus(o.status),
                        ReportPage.format(o.startedAt),
                        ReportPage.format(o.resolvedAt)))
                .toList();
    }

    private DeclareView declareView(
            List<String> chosen, String impact, String title, String message, boolean previewed, FieldErrors errors) {
        List<OutagePageViews.RegionChoice> regions = catalog.allRegions().stream()
                .filter(r -> access.allows(r.code))
                .map(r -> new OutagePageViews.RegionChoice(
                        r.code,
                        r.name,
                        r.systems.stream()
                                .map(s -> new OutagePageViews.SystemChoice(
                                        "system-" + r.code + "-" + s.code,
                                        r.code + "/" + s.code,
                                        s.name,
                                        chosen.contains(r.code + "/" + s.code)))
                                .toList()))
                .toList();
        List<String> names = new ArrayList<>();
        String regionName = null;
        for (String value : chosen) {
            String[] rs = value.split("/", 2);
            Optional<CatalogRegion> region = catalog.region(rs[0]);
            if (rs.length == 2 && region.isPresent()) {
                regionName = regionName == null ? region.get().name : regionName;
                names.add(region.get().system(rs[1]).map(s -> s.name).orElse(rs[1]));
            }
        }
        String systems = names.isEmpty() ? msg.affectedSystems() : String.join(", ", names);
        // The prefilled wording names the chosen systems once they are chosen; a message of one's own stays.
        boolean prefilled = message == null
                || (message.isBlank() && !previewed)
                || message.strip().equals(msg.declaredDefault(msg.affectedSystems()));
        String text = prefilled ? msg.declaredDefault(systems) : message;
        OutageImpact chosenImpact = impactOrNull(impact);
        Notice preview = new Notice(
                title == null || title.isBlank() ? "…" : title.strip(),
                regionName == null ? "…" : regionName,
                systems,
                chosenImpact == null ? "…" : msg.impact(chosenImpact),
                ReportPage.format(Instant.now(clock)),
                text);
        return new DeclareView(
                regions,
                Arrays.stream(OutageImpact.values())
                        .map(i -> new Option(i.name(), msg.impact(i), i == chosenImpact))
                        .toList(),
                title == null ? "" : title,
                text,
                preview,
                previewed,
                errors);
    }

    private static OutageImpact impactOrNull(String impact) {
        try {
            return Params.enumOrNull("impact", impact, OutageImpact.class);
        } catch (InvalidFieldException e) {
            return null;
        }
    }

    private OutageView view(Outage o, String done, String updateMessage, String resolution, FieldErrors errors) {
        List<OutagePageViews.TimelineEntry> timeline = new ArrayList<>();
        for (int i = 0; i < o.updates.size(); i++) {
            OutageUpdate u = o.updates.get(i);
            String kind = i == 0 ? "declared" : u.status == OutageStatus.RESOLVED ? "resolved" : "update";
            timeline.add(new OutagePageViews.TimelineEntry(
                    kind, msg.outageStatus(u.status), u.message, u.author, ReportPage.format(u.at)));
        }
        String systems = systemNames(o.region, List.copyOf(o.systems));
        return new OutageView(
                o.id.toString(),
                o.reference,
                o.title,
                regionName(o.region),
                systems,
                msg.impact(o.impact),
                msg.outageStatus(o.status),
                o.isActive(),
                ReportPage.format(o.startedAt),
                ReportPage.format(o.resolvedAt),
                new Notice(
                        o.title,
                        regionName(o.region),
                        systems,
                        msg.impact(o.impact),
                        ReportPage.format(o.startedAt),
                        o.latestUpdate().message),
                timeline,
                reports.linkedTo(o.id).stream()
                        .map(r -> new OutagePageViews.LinkedReport(
                                r.id.toString(),
                                r.reference,
                                r.unitName,
                                systemNames(r.region, List.of(r.system)),
                                msg.status(r.status)))
                        .toList(),
                Arrays.stream(OutageStatus.values())
                        .filter(s -> s != OutageStatus.RESOLVED)
                        .map(s -> new Option(s.name(), msg.outageStatus(s), s == o.status))
                        .toList(),
                updateMessage,
                resolution == null ? msg.resolvedDefault() : resolution,
                done,
                errors);
    }

    private String regionName(String code) {
        return catalog.region(code).map(r -> r.name).orElse(code);
    }

    private String systemNames(String regionCode, List<String> systems) {
        Optional<CatalogRegion> region = catalog.region(regionCode);
        return String.join(
                ", ",
                systems.stream()
                        .map(s -> region.flatMap(r -> r.system(s))
                                .map(x -> x.name)
                                .orElse(s))
                        .toList());
    }
}
