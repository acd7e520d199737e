package se.driftinfo.incident.outage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageService;
import se.driftinfo.incident.report.FaultReportRepository;
import se.driftinfo.kit.access.RegionAccess;

/**
 * The helpdesk's reading of outages: the staff view, with the timeline's authors and the linked reports.
 * Clinics read the public view at {@code /api/outages}; the two live on separate paths so that whether a
 * caller may see authors is decided by this class's role alone, not by who happens to be signed in.
 */
@Path("/api/helpdesk/outages")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outages")
public class HelpdeskOutageResource {

    private final OutageService service;
    private final FaultReportRepository reports;
    private final RegionAccess access;

    public HelpdeskOutageResource(OutageService service, FaultReportRepository reports, RegionAccess access) {
        this.service = service;
        this.reports = reports;
        this.access = access;
    }

    @GET
    @Operation(summary = "Outages of the regions this account works in, newest first, with authors and linked reports")
    public List<OutageViews.StaffOutage> list(@QueryParam("active") String active) {
        return service.list(Params.flag("active", active)).stream()
                .filter(o -> access.allows(o.region))
                .map(this::view)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One outage with its timeline's authors and linked reports")
    public OutageViews.StaffOutage get(@PathParam("id") String id) {
        Outage outage = service.get(Params.uuid("id", id));
        access.require(outage.region);
        return view(outage);
    }

    OutageViews.StaffOutage view(Outage o) {
        return OutageViews.staffView(
                o, reports.linkedTo(o.id).stream().map(r -> r.reference).toList());
    }
}
