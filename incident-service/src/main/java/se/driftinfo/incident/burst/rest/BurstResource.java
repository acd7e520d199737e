package se.driftinfo.incident.burst.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.burst.BurstSuggestion;
import se.driftinfo.incident.burst.BurstSuggestions;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.problem.ProblemException;

/** The helpdesk's answer to a burst suggestion (listed at {@code GET /api/outages/suggestions}). */
@Path("/api/bursts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outages")
public class BurstResource {

    private final BurstSuggestions suggestions;
    private final SecurityIdentity identity;
    private final RegionAccess access;

    public BurstResource(BurstSuggestions suggestions, SecurityIdentity identity, RegionAccess access) {
        this.suggestions = suggestions;
        this.identity = identity;
        this.access = access;
    }

    /** The outage declared for a burst and the references of the reports linked to it. */
    public record AcceptedView(UUID outageId, String outageReference, List<String> linkedReports) {}

    public record DismissedView(UUID id, String region, String system, String status) {}

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Declare the outage a burst points at, with the burst's reports linked")
    public Response accept(@PathParam("id") String id, BurstSuggestions.Acceptance acceptance) {
        UUID suggestion = Params.uuid("id", id);
        access.require(suggestions.get(suggestion).region);
        ProblemException.requireBody(acceptance);
        BurstSuggestions.Accepted accepted = suggestions.accept(
                suggestion, acceptance, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/outages/" + accepted.outage().id))
                .entity(new AcceptedView(
                        accepted.outage().id,
                        accepted.outage().reference,
                        accepted.linked().stream().map(r -> r.reference).toList()))
                .build();
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed("operator")
    @Operation(summary = "Dismiss a burst suggestion until more reports arrive")
    public DismissedView dismiss(@PathParam("id") String id) {
        UUID suggestion = Params.uuid("id", id);
        access.require(suggestions.get(suggestion).region);
        BurstSuggestion s = suggestions.dismiss(suggestion);
        return new DismissedView(s.id, s.region, s.system, s.status);
    }
}
