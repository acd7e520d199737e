package se.driftinfo.incident.report.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
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
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportRepository;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.report.ReportInput;
import se.driftinfo.incident.report.ReportStatus;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.problem.ProblemException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.web.ClientAddress;

/** Fault reports: clinics report, the helpdesk triages. */
@Path("/api/fault-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fault reports")
public class FaultReportResource {

    private final FaultReportService service;
    private final FaultReportRepository reports;
    private final SecurityIdentity identity;
    private final ApiKeys apiKeys;
    private final RegionAccess access;
    private final RateLimits rateLimits;
    private final ClientAddress client;

    /** Requests without a valid API key, per client address. */
    static final String UNAUTHENTICATED_LIMIT = "fault-report-api-unauthenticated";

    public FaultReportResource(
            FaultReportService service,
            FaultReportRepository reports,
            SecurityIdentity identity,
            ApiKeys apiKeys,
            RegionAccess access,
            RateLimits rateLimits,
            ClientAddress client) {
        this.service = service;
        this.reports = reports;
        this.identity = identity;
        this.apiKeys = apiKeys;
        this.access = access;
        this.rateLimits = rateLimits;
        this.client = client;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a fault (felanmälan) from a provider's system (X-Api-Key) or the helpdesk;"
                    + " never include patient data")
    public Response report(@HeaderParam("X-Api-Key") String apiKey, ReportInput request) {
        // Clinics without a system of their own use the /felanmalan form, which needs no key.
        if (!identity.hasRole("operator")) {
            ApiKeys.Provider provider = apiKeys.provider(apiKey).orElse(null);
            if (provider == null) {
                // Without a valid key a caller is counted by address: guessing keys takes forever.
                rateLimits.check(UNAUTHENTICATED_LIMIT, client.get());
                throw new ProblemException(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "Send your organisation's API key in the X-Api-Key header",
                        null);
            }
            // A provider's system is known by its key and limited by it, not by the receipts it sends: a
            // provider may well send every report with its own service desk as the contact.
            rateLimits.check(provider.rateLimit(), provider.name());
            if (request != null) {
                ApiKeys.requireOwnUnit(provider, request.reporterHsaId());
            }
        } else if (request != null
                && request.region() != null
                && !request.region().isBlank()) {
            // The helpdesk of one region reports for its own region only.
            access.require(request.region());
        }
        FaultReport report = service.receive(ProblemException.requireBody(request));
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
                .filter(r -> access.allows(r.region))
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
        access.require(report.region);
        return Response.ok(FaultReportViews.detail(report)).tag(etag(report)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("operator")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Triage (JSON merge patch): impact, urgency (→ priority), responsibility, assignee, status,"
                    + " outageId, timeSpentMinutes, comment")
    public Response triage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        UUID reportId = Params.uuid("id", id);
        FaultReport current = service.get(reportId);
        access.require(current.region);
        JsonObject patch = mergePatch(body);
        FaultReportService.Triage change = TriagePatch.read(patch, current);
        FaultReport report = service.triage(
                reportId, version(ifMatch), change, identity.getPrincipal().getName());
        return Response.ok(FaultReportViews.detail(report)).tag(etag(report)).build();
    }

    /**
     * The body as UTF-8, strictly: a byte that is not UTF-8 is refused, not read as a replacement character
     * that would then be stored in an assignee or a comment.
     */
    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(
                    400, "invalid-request", "Invalid request", "The request body is not valid UTF-8", null);
        }
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
            throw new InvalidFieldException("If-Match", "must be the ETag of the report, e.g. \"3\"");
        }
    }

    /** A merge patch (RFC 7396) is a JSON object; anything else is refused before the report is touched. */
    private static JsonObject mergePatch(byte[] bytes) {
        String body = utf8(bytes);
        // A blank body is no body.
        ProblemException.requireBody(body == null || body.isBlank() ? null : body);
        JsonValue value;
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonParsingException("trailing content after the JSON value", parser.getLocation());
            }
        } catch (RuntimeException e) {
            // JSON-P's JsonException, and the plain RuntimeException Parsson throws past its nesting limit.
            throw new ProblemException(
                    400, "invalid-request", "Invalid request", "The request body is not valid JSON", null);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProblemException(
                    400, "invalid-request", "Invalid request", "The request body must be a JSON object", null);
        }
        return value.asJsonObject();
    }
}
