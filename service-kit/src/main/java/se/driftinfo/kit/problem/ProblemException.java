package se.driftinfo.kit.problem;

import java.util.List;

/**
 * A refusal at the HTTP level, thrown only by resources and filters (a wrong API key, a body that is
 * missing). Domain code throws {@link se.driftinfo.kit.domain.DomainException}s instead and never
 * chooses a status. Messages must be safe to show to the client.
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

    /**
     * A JSON endpoint received no body at all; Bean Validation cannot say so, since it never sees one.
     *
     * @return {@code body} when it is there
     */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new ProblemException(400, "invalid-request", "Invalid request", "The request body is required", null);
        }
        return body;
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
