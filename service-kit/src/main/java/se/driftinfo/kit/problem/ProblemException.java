package se.driftinfo.kit.problem;

import java.util.List;

/**
 * A rule of the domain said no. Thrown by aggregates and services; the mapper turns it into a problem
 * detail with the status given here. Messages must be safe to show to the client.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.InvalidParam> invalidParams;

    public ProblemException(
            int status, String slug, String title, String detail, List<Problem.InvalidParam> invalidParams) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.invalidParams = invalidParams;
    }

    /** A field's value is well-formed but breaks a rule (400), e.g. an unknown region. */
    public static ProblemException invalidField(String field, String reason) {
        return new ProblemException(
                400,
                "invalid-request",
                "Invalid request",
                field + ": " + reason,
                List.of(new Problem.InvalidParam(field, reason)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", null);
    }

    /** The request is valid but the resource's state forbids it (409), e.g. a cancelled series. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail, null);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}
