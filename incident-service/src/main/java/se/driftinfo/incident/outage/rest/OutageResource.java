package se.driftinfo.incident.outage.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.burst.BurstDetector;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageService;
import se.driftinfo.incident.report.FaultReportRepository;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.problem.ProblemException;

/**
 * Outages: the helpdesk declares, updates and resolves; anyone may read the public view (no authors, no
 * linked reports). The helpdesk reads the staff view at {@code /api/helpdesk/outages}, and every change
 * here answers with it.
 */
@Path("/api/outages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outages")
public class OutageResource {

    private final OutageService service;
    private final FaultReportService reportService;
    private final FaultReportRepository reports;
    private final BurstDetector bursts;
    private final SecurityIdentity identity;
    private final RegionAccess access;

    public OutageResource(
            OutageService service,
            FaultReportService reportService,
            FaultReportRepository reports,
            BurstDetector bursts,
            SecurityIdentity identity,
            RegionAccess access) {
        this.service = service;
        this.reportService = reportService;
        this.reports = reports;
        this.bursts = bursts;
        this.identity = identity;
        this.access = access;
    }

    public record LinkRequest(
            @NotNull(message = "is required") UUID reportId) {}

    public record SuggestionView(
            UUID id, String region, String system, int reportCount, Instant firstReportAt, Instant lastReportAt) {}

    @POST
    @RolesAllowed("operator")
    @Operation(summary = "Declare an outage")
    public Response declare(OutageService.Declaration declaration) {
        if (declaration != null
                && declaration.region() != null
                && !declaration.region().isBlank()) {
            access.require(declaration.region());
        }
        Outage outage = service.declare(ProblemException.requireBody(declaration), actor());
        return Response.created(URI.create("/api/outages/" + outage.id))
                .entity(view(outage))
                .build();
    }

    @GET
    @PermitAll
    @Operation(
            summary = "Outages as clinics see them, newest first; active=true for those that go on."
                    + " No authors or linked reports: the helpdesk reads those at /api/helpdesk/outages")
    public List<OutageViews.PublicOutage> list(@QueryParam("active") String active) {
        return service.list(Params.flag("active", active)).stream()
                .map(OutageViews::publicView)
                .toList();
    }

    @GET
    @Path("/suggestions")
    @RolesAllowed("operator")
    @Operation(summary = "Bursts of reports with no outage declared: candidates to declare one")
    public List<SuggestionView> suggestions() {
        return bursts.open().stream()
                .filter(s -> access.allows(s.region))
                .map(s -> new SuggestionView(s.id, s.region, s.system, s.reportCount, s.firstReportAt, s.lastReportAt))
                .toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One outage as clinics see it")
    public OutageViews.PublicOutage get(@PathParam("id") String id) {
        return OutageViews.publicView(service.get(Params.uuid("id", id)));
    }

    @POST
    @Path("/{id}/updates")
    @RolesAllowed("operator")
    @Operation(summary = "Add a status update to the timeline")
    public OutageViews.StaffOutage update(@PathParam("id") String id, OutageService.StatusUpdate update) {
        UUID outageId = permitted(Params.uuid("id", id)).id;
        return view(service.update(outageId, ProblemException.requireBody(update), actor()));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed("operator")
    @Operation(summary = "Resolve the outage (final)")
    public OutageViews.StaffOutage resolve(@PathParam("id") String id, OutageService.Resolution resolution) {
        UUID outageId = permitted(Params.uuid("id", id)).id;
        return view(service.resolve(outageId, ProblemException.requireBody(resolution), actor()));
    }

    @POST
    @Path("/{id}/reports")
    @RolesAllowed("operator")
    @Operation(summary = "Link a fault report to this outage")
    public OutageViews.StaffOutage link(@PathParam("id") String id, @Valid LinkRequest r) {
        UUID outageId = permitted(Params.uuid("id", id)).id;
        LinkRequest req = ProblemException.requireBody(r);
        reportService.link(req.reportId(), outageId, actor());
        return view(service.get(outageId));
    }

    @DELETE
    @Path("/{id}/reports/{reportId}")
    @RolesAllowed("operator")
    @Operation(summary = "Unlink a fault report from this outage")
    public OutageViews.StaffOutage unlink(@PathParam("id") String id, @PathParam("reportId") String reportId) {
        UUID outageId = permitted(Params.uuid("id", id)).id;
        reportService.unlink(Params.uuid("reportId", reportId), outageId, actor());
        return view(service.get(outageId));
    }

    /** The outage, if this account may work in its region (403 otherwise). */
    private Outage permitted(UUID id) {
        Outage outage = service.get(id);
        access.require(outage.region);
        return outage;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private OutageViews.StaffOutage view(Outage o) {
        return OutageViews.staffView(
                o, reports.linkedTo(o.id).stream().map(r -> r.reference).toList());
    }
}
