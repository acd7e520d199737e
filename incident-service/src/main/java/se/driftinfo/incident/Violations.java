package se.driftinfo.incident;

import java.util.ArrayList;
import java.util.List;
import se.driftinfo.kit.problem.Problem;
import se.driftinfo.kit.problem.ProblemException;

/** Collects every invalid field of a request so the client (or the form) can fix them all at once. */
public final class Violations {

    private final List<Problem.InvalidParam> params = new ArrayList<>();

    public Violations add(String field, String reason) {
        params.add(new Problem.InvalidParam(field, reason));
        return this;
    }

    public boolean has(String field) {
        return params.stream().anyMatch(p -> p.name().equals(field));
    }

    /** Adds a reason for {@code field} unless the value's length is within bounds. */
    public Violations length(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            if (min > 0) {
                add(field, "is required");
            }
        } else if (value.strip().length() < min) {
            add(field, "must be at least " + min + " characters");
        } else if (value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return this;
    }

    public List<Problem.InvalidParam> list() {
        return List.copyOf(params);
    }

    /** Throws a 400 problem naming every field, if there is any. */
    public void throwIfAny() {
        if (params.isEmpty()) {
            return;
        }
        String detail = String.join(
                "; ", params.stream().map(p -> p.name() + ": " + p.reason()).toList());
        throw new ProblemException(400, "invalid-request", "Invalid request", detail, list());
    }
}
