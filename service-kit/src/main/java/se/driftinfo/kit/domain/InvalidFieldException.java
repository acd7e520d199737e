package se.driftinfo.kit.domain;

import java.util.List;

/**
 * One or more fields are well-formed but break a rule, e.g. an unknown region. Each field is named as
 * the client sent it ({@code systems[1]}), so a form can show the error next to it.
 */
public final class InvalidFieldException extends DomainException {

    /** One offending field and why. */
    public record FieldError(String field, String reason) {}

    private final List<FieldError> errors;

    public InvalidFieldException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public InvalidFieldException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid-field error names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first field named, for callers that show one error at a time. */
    public String field() {
        return errors.get(0).field();
    }

    private static String describe(List<FieldError> errors) {
        return String.join(
                "; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList());
    }
}
