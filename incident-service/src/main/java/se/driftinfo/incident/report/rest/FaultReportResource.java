package se.driftinfo.incident.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.Violations;
import se.driftinfo.kit.problem.ProblemException;

/** Fault reports: clinics report, the helpdesk triages. */
@Path("/api/fault-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fault reports")
public class FaultReportResource {

    private static final Set<String> PATCH_FIELDS = Set.of(
            "impact", "urgency", "responsibility", "assignee", "status", "outageId", "timeSpentMinutes", "comment");

    private final FaultReportService service;
    private final FaultReportRepository reports;
    private final SecurityIdentity identity;

    private final ApiKeys apiKeys;

    public FaultReportResource(
            FaultReportService service, FaultReportRepository reports, SecurityIdentity identity, ApiKeys apiKeys) {
        this.service = service;
        this.reports = reports;
        this.identity = identity;
        this.apiKeys = apiKeys;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a fault (felanmälan) from a provider's system (X-Api-Key) or the helpdesk;"
                    + " never include patient data")
    public Response report(@HeaderParam("X-Api-Key") String apiKey, FaultReportRequest request) {
        // Clinics without a system of their own use the /felanmalan form, which needs no key.
        if (!identity.hasRole("operator")) {
            ApiKeys.Provider provider = apiKeys.provider(apiKey)
                    .orElseThrow(() -> new ProblemException(
                            401,
                            "unauthorized",
                            "Unauthorized",
                            "Send your organisation's API key in the X-Api-Key header",
                            null));
            if (request != null) {
                ApiKeys.requireOwnUnit(provider, request.reporterHsaId());
            }
        }
        if (request == null) {
            throw new ProblemException(400, "invalid-request", "Invalid request", "The request body is required", null);
        }
        FaultReport report = service.receive(request.toInput());
        return Response.created(URI.create("/api/fault-reports/" + report.id))
                .entity(FaultReportViews.receipt(report))
                .build();
    }

    @GET
    @RolesAllowed("operator")
    @Operation(summary = "The helpdesk's queue, most pressing response first")
    public List<FaultReportViews.Summary> list(
            @QueryParam("status") String status,
            @QueryParam("priority") String priority,
            @QueryParam("region") String region) {
        return reports
                .search(
                        Params.enumOrNull("status", status, ReportStatus.class),
                        Params.enumOrNull("priority", priority, Priority.class),
                        region)
                .stream()
                .map(FaultReportViews::summary)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("operator")
    @Transactional // the view reads the comments and the audit trail, loaded lazily
    @Operation(summary = "One report with its comments and audit trail")
    public Response get(@PathParam("id") String id) {
        FaultReport report = service.get(Params.uuid("id", id));
        return Response.ok(FaultReportViews.detail(report)).tag(etag(report)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("operator")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary =
                    "Triage: impact, urgency (→ priority), responsibility, assignee, status, outageId, timeSpentMinutes, comment")
    public Response triage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode body) {
        UUID reportId = Params.uuid("id", id);
        FaultReportService.Triage change = parse(body);
        FaultReport report = service.triage(
                reportId, version(ifMatch), change, identity.getPrincipal().getName());
        return Response.ok(FaultReportViews.detail(report)).tag(etag(report)).build();
    }

    /** The report's version as an entity tag: PATCH with {@code If-Match} fails with 412 if someone else changed it. */
    private static EntityTag etag(FaultReport report) {
        return new EntityTag(String.valueOf(report.version));
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the ETag of the report, e.g. \"3\"");
        }
    }

    /** Merge-patch semantics: an absent field is unchanged, {@code null} clears assignee or outage link. */
    static FaultReportService.Triage parse(ObjectNode body) {
        if (body == null) {
            throw new ProblemException(400, "invalid-request", "Invalid request", "The request body is required", null);
        }
        Violations v = new Violations();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PATCH_FIELDS.contains(name)) {
                v.add(name, "is not a field that can be changed; use " + PATCH_FIELDS);
            }
        }
        Level impact = enumField(body, "impact", Level.class, v);
        Level urgency = enumField(body, "urgency", Level.class, v);
        Responsibility responsibility = enumField(body, "responsibility", Responsibility.class, v);
        ReportStatus status = enumField(body, "status", ReportStatus.class, v);
        String assignee = text(body, "assignee", v);
        String comment = text(body, "comment", v);
        UUID outageId = null;
        JsonNode outage = body.get("outageId");
        if (outage != null && !outage.isNull()) {
            try {
                outageId = UUID.fromString(outage.asText());
            } catch (IllegalArgumentException e) {
                v.add("outageId", "must be an outage id (UUID) or null to unlink");
            }
        }
        Integer minutes = null;
        JsonNode time = body.get("timeSpentMinutes");
        if (time != null && !time.isNull()) {
            if (time.canConvertToInt() && time.isIntegralNumber()) {
                minutes = time.intValue();
            } else {
                v.add("timeSpentMinutes", "must be a whole number of minutes");
            }
        }
        v.throwIfAny();
        return new FaultReportService.Triage(
                impact,
                urgency,
                responsibility,
                assignee,
                body.has("assignee"),
                status,
                outageId,
                body.has("outageId"),
                minutes,
                comment);
    }

    private static <E extends Enum<E>> E enumField(ObjectNode body, String field, Class<E> type, Violations v) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Params.enumOrNull(field, node.isTextual() ? node.asText() : "?", type);
        } catch (ProblemException e) {
            v.add(field, e.invalidParams().get(0).reason());
            return null;
        }
    }

    private static String text(ObjectNode body, String field, Violations v) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            v.add(field, "must be a text");
            return null;
        }
        return node.asText();
    }

    /** What a clinic or a provider's system sends. */
    public record FaultReportRequest(
            String reporterHsaId,
            String unitName,
            String contactName,
            String contactEmail,
            String contactPhone,
            String region,
            String system,
            String description,
            String urgency,
            String observedAt,
            String language) {

        ReportInput toInput() {
            return new ReportInput(
                    reporterHsaId,
                    unitName,
                    contactName,
                    contactEmail,
                    contactPhone,
                    region,
                    system,
                    description,
                    urgency,
                    observedAt,
                    language);
        }
    }
}
