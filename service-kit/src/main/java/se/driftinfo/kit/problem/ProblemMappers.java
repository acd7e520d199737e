package se.driftinfo.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.DomainException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.domain.OutsideRegionException;
import se.driftinfo.kit.domain.StaleVersionException;
import se.driftinfo.kit.inbox.Failures;
import se.driftinfo.kit.ratelimit.TooManyRequestsException;

/**
 * The one place errors become HTTP responses: RFC 9457 problem details, naming the field where there
 * is one. Never a stack trace or class name; unexpected failures are logged with an id the client sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://driftinfo.se/problems/";

    /** How long a client waits before trying again while the database is away (a restart takes seconds). */
    private static final int RETRY_UNAVAILABLE_SECONDS = 5;

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = problemOf(e, path(uri));
        return isPage(problem.instance(), headers) ? ProblemPage.of(problem) : respond(problem);
    }

    /**
     * A rate limit is used up: 429 with {@code Retry-After} in whole seconds, as a page for a person on a
     * page and as problem details for a program.
     */
    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e, UriInfo uri, HttpHeaders headers) {
        long seconds = e.retryAfterSeconds();
        Problem problem = new Problem(
                TYPE_BASE + "too-many-requests",
                "Too many requests",
                429,
                "Too many requests in a short time; try again in " + seconds + (seconds == 1 ? " second" : " seconds")
                        + ".",
                path(uri),
                null);
        Response response = isPage(problem.instance(), headers) ? ProblemPage.of(problem) : respond(problem);
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    /** A person in a browser on a page (not the API) is shown a page, in the language of the pages. */
    private static boolean isPage(String path, HttpHeaders headers) {
        return path != null
                && !path.startsWith("/api/")
                && headers != null
                && headers.getAcceptableMediaTypes().stream()
                        .anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
    }

    /** How a client sees a rule of the domain: the only place a domain error gets a status code. */
    static Problem problemOf(DomainException e, String instance) {
        if (e instanceof InvalidFieldException invalid) {
            List<Problem.InvalidParam> params = invalid.errors().stream()
                    .map(f -> new Problem.InvalidParam(f.field(), f.reason()))
                    .toList();
            return new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, e.getMessage(), instance, params);
        }
        if (e instanceof NotFoundException) {
            return new Problem(TYPE_BASE + "not-found", "Not found", 404, e.getMessage(), instance, null);
        }
        if (e instanceof StaleVersionException) {
            return new Problem(TYPE_BASE + "stale-version", "Precondition failed", 412, e.getMessage(), instance, null);
        }
        if (e instanceof OutsideRegionException) {
            return new Problem(TYPE_BASE + "outside-region", "Forbidden", 403, e.getMessage(), instance, null);
        }
        if (e instanceof ConflictException) {
            return new Problem(
                    TYPE_BASE + "conflict", "Conflict with the current state", 409, e.getMessage(), instance, null);
        }
        throw new IllegalStateException(
                "unmapped domain exception " + e.getClass().getName());
    }

    /** An HTTP-level refusal raised by a resource itself (e.g. 401 for a wrong API key, 413). */
    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(
                new Problem(TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(), path(uri), e.invalidParams()));
    }

    /** Quarkus' own mapper for endpoint validation is bound to this exact type: take it over. */
    @ServerExceptionMapper
    public Response endpointViolations(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InvalidParam> params = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            params.add(new Problem.InvalidParam(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        params.sort((a, b) -> a.name().compareTo(b.name()));
        String detail = params.stream()
                .map(p -> p.name() + ": " + p.reason())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        return respond(new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, detail, path(uri), params));
    }

    /** Quarkus has built-in mappers for these exact types (with its own body): take them over. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, path(uri)));
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = status == 404 ? "No resource at this address" : title;
        return respond(new Problem(TYPE_BASE + slug(title), title, status, detail, path(uri), null));
    }

    /**
     * A validator that failed rather than judged, e.g. a catalogue lookup meeting a restarting database.
     * Hibernate Validator wraps the cause in a plain {@link ValidationException} (HV000028), and Quarkus'
     * own mapper for that type answers 500; take it over so the cause decides, as for any failure.
     */
    @ServerExceptionMapper
    public Response validatorFailed(ValidationException e, UriInfo uri) {
        if (e instanceof ConstraintViolationException violations) {
            return violations(violations, uri);
        }
        return unexpected(e, uri);
    }

    /** Two people changed the same record at once: the later one must reload, not see a 500. */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(
                TYPE_BASE + "concurrent-change",
                "Changed by someone else",
                409,
                "Someone else changed this at the same time; reload it and try again",
                path(uri),
                null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (Failures.isTransient(e)) {
            return unavailable(e, uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", id, path(uri));
        return respond(new Problem(
                TYPE_BASE + "internal-error",
                "Internal error",
                500,
                "Something went wrong on our side. Quote error id " + id + " to the helpdesk.",
                path(uri),
                null));
    }

    /**
     * The database is restarting or out of connections: nothing was stored, and the same request will
     * work shortly. 503 with {@code Retry-After} says exactly that, where a 500 would say "our bug".
     */
    private Response unavailable(Exception e, UriInfo uri) {
        LOG.warnf("Temporarily unavailable on %s: %s", path(uri), e.getMessage());
        Problem problem = new Problem(
                TYPE_BASE + "temporarily-unavailable",
                "Temporarily unavailable",
                503,
                "The service cannot reach its database just now; nothing was saved. Try again in a few seconds.",
                path(uri),
                null);
        return Response.fromResponse(respond(problem))
                .header(HttpHeaders.RETRY_AFTER, RETRY_UNAVAILABLE_SECONDS)
                .build();
    }

    private static Problem jsonProblem(JsonProcessingException e, String instance) {
        String field = null;
        String reason;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = jsonPath(mapping.getPath());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            reason = "is not a known field";
            field = unknown.getPropertyName();
        } else if (e instanceof InvalidFormatException format) {
            reason = "cannot be read as " + friendly(format.getTargetType()) + ": '" + format.getValue() + "'";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            reason = "must be " + friendly(mismatch.getTargetType());
        } else {
            reason = "is not valid JSON";
        }
        if (field == null) {
            return new Problem(
                    TYPE_BASE + "invalid-request",
                    "Invalid request",
                    400,
                    "The request body " + reason,
                    instance,
                    null);
        }
        return new Problem(
                TYPE_BASE + "invalid-request",
                "Invalid request",
                400,
                field + ": " + reason,
                instance,
                List.of(new Problem.InvalidParam(field, reason)));
    }

    /** Names a type the way a client thinks of it, never as a Java class. */
    private static String friendly(Class<?> type) {
        String name = type.getSimpleName();
        return switch (name) {
            case "LocalDateTime" -> "a local date-time like 2027-01-20T17:00";
            case "LocalDate" -> "a date like 2027-01-20";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date-time with offset like 2027-01-20T17:00:00Z";
            case "UUID" -> "an id (UUID)";
            case "List", "Set", "Collection" -> "a list";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a text";
            default -> type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "an object";
        };
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** {@code create.request.systems[1]} (method, parameter, field) becomes {@code systems[1]}. */
    static String fieldName(Path path) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null && !nodes.isEmpty()) {
                        int last = nodes.size() - 1;
                        nodes.set(last, nodes.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (name != null && !name.startsWith("<")) {
                        nodes.add(name);
                    }
                }
            }
        }
        // Drop the parameter name (the request body) when a field follows it.
        if (nodes.size() > 1) {
            nodes.remove(0);
        }
        return String.join(".", nodes);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
