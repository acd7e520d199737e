package se.driftinfo.kit.domain;

import java.util.List;
import se.driftinfo.kit.validation.PersonnummerGuard;

/**
 * One or more fields are well-formed but break a rule, e.g. an unknown region. Each field is named as
 * the client sent it ({@code systems[1]}), so a form can show the error next to it.
 */
public final class InvalidFieldException extends DomainException {

    /**
     * One offending field and why. A reason that quotes what the client sent ("unknown region '…'")
     * would carry a personal identity number typed into the wrong field back out in the answer and the
     * log, so such a reason is replaced by one that does not repeat the value.
     */
    public record FieldError(String field, String reason) {
        public FieldError {
            if (PersonnummerGuard.containsIdentityNumber(reason)) {
                reason = "is not valid; the value is not repeated here, since it looks like a personal identity number";
            }
        }
    }

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
