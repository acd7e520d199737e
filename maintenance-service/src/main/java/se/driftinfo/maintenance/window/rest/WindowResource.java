package se.driftinfo.maintenance.window.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.validation.NoIdentityNumber;
import se.driftinfo.kit.web.ClientAddress;
import se.driftinfo.maintenance.window.MaintenanceWindow;
import se.driftinfo.maintenance.window.PlainText;
import se.driftinfo.maintenance.window.WindowRequest;
import se.driftinfo.maintenance.window.WindowService;
import se.driftinfo.maintenance.window.rest.WindowResponse.OccurrenceResponse;

/**
 * Maintenance windows: planners write, anyone reads. A planner limited to some regions (a token claim,
 * see {@link RegionAccess}) gets 403 on other regions' windows and sees only their own in lists. The
 * class is for planners; each public read says {@code @PermitAll} itself, so an endpoint added without
 * thinking is closed, not open (issue #15 gap 17).
 */
@Path("/api")
@RolesAllowed("planner")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance windows")
public class WindowResource {

    private static final int NEXT_SHOWN = 5;

    /** The per-client rate limit on {@code GET /api/occurrences}, which expands every window's rule. */
    static final String OCCURRENCES_LIMIT = "occurrences";

    private final WindowService service;
    private final RegionAccess access;
    private final RateLimits rateLimits;
    private final ClientAddress client;

    public WindowResource(WindowService service, RegionAccess access, RateLimits rateLimits, ClientAddress client) {
        this.service = service;
        this.access = access;
        this.rateLimits = rateLimits;
        this.client = client;
    }

    @POST
    @Path("/maintenance-windows")
    @RolesAllowed("planner")
    @Operation(summary = "Schedule a window: a series with an RRULE, or a one-off disruption")
    public Response schedule(@Valid @NotNull WindowRequest request) {
        access.require(request.region());
        MaintenanceWindow window = service.schedule(request);
        return Response.created(URI.create("/api/maintenance-windows/" + window.id()))
                .entity(view(window))
                .build();
    }

    @GET
    @Path("/maintenance-windows")
    @PermitAll
    @Operation(summary = "Windows of a region or system, cancelled ones included")
    public List<WindowResponse> list(@QueryParam("region") String region, @QueryParam("system") String system) {
        return service.list(blankToNull(region), blankToNull(system)).stream()
                .filter(w -> access.allows(w.region()))
                .map(this::view)
                .toList();
    }

    @GET
    @Path("/maintenance-windows/{id}")
    @PermitAll
    public WindowResponse get(@PathParam("id") String id) {
        return view(accessible(uuid(id)));
    }

    @PUT
    @Path("/maintenance-windows/{id}")
    @RolesAllowed("planner")
    @Operation(summary = "Redefine a window; with effectiveFrom only from that date on (earlier occurrences stay)")
    public WindowResponse update(@PathParam("id") String id, @Valid @NotNull WindowRequest request) {
        accessible(uuid(id));
        access.require(request.region());
        return view(service.update(uuid(id), request, request.effectiveFrom()));
    }

    @DELETE
    @Path("/maintenance-windows/{id}")
    @RolesAllowed("planner")
    @Operation(summary = "Cancel the whole series; its history is kept")
    public WindowResponse cancel(
            @PathParam("id") String id,
            @QueryParam("reason") @Size(max = 1000) @NoIdentityNumber @PlainText String reason) {
        accessible(uuid(id));
        return view(service.cancel(uuid(id), reason));
    }

    @POST
    @Path("/maintenance-windows/{id}/occurrences/{date}/cancel")
    @RolesAllowed("planner")
    @Operation(summary = "Cancel the occurrence that starts on a local date")
    public WindowResponse cancelOccurrence(
            @PathParam("id") String id, @PathParam("date") String date, @Valid OccurrenceRequests.Cancel request) {
        accessible(uuid(id));
        return view(service.cancelOccurrence(uuid(id), date("date", date), request == null ? null : request.reason()));
    }

    @POST
    @Path("/maintenance-windows/{id}/occurrences/{date}/move")
    @RolesAllowed("planner")
    @Operation(summary = "Move the occurrence that starts on a local date to other local times")
    public WindowResponse moveOccurrence(
            @PathParam("id") String id,
            @PathParam("date") String date,
            @Valid @NotNull OccurrenceRequests.Move request) {
        accessible(uuid(id));
        return view(
                service.moveOccurrence(uuid(id), date("date", date), request.start(), request.end(), request.reason()));
    }

    @GET
    @Path("/occurrences")
    @PermitAll
    @Operation(
            summary = "Expanded occurrences overlapping [from, to), sorted, with status (default: the next 12 months;"
                    + " at most 10 years, within the planning horizon)")
    public List<OccurrenceResponse> occurrences(
            @QueryParam("region") String region,
            @QueryParam("system") String system,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        rateLimits.check(OCCURRENCES_LIMIT, client.get()); // refused requests count too: a scanner is one client
        LocalDate start = from == null || from.isBlank() ? null : date("from", from);
        LocalDate end = to == null || to.isBlank() ? null : date("to", to);
        return service.occurrences(blankToNull(region), blankToNull(system), start, end).stream()
                .filter(o -> access.allows(o.window().region()))
                .map(WindowResponse::occurrence)
                .toList();
    }

    /** The window, if this account may work in its region (403 otherwise). */
    private MaintenanceWindow accessible(UUID id) {
        MaintenanceWindow window = service.get(id);
        access.require(window.region());
        return window;
    }

    private WindowResponse view(MaintenanceWindow window) {
        return WindowResponse.of(window, service.upcoming(window, NEXT_SHOWN));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Maintenance window " + id);
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "'" + value + "' is not a date like 2027-01-20");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
