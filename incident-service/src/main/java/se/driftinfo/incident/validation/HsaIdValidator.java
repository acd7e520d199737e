package se.driftinfo.incident.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;
import se.driftinfo.kit.validation.PersonnummerGuard;

/**
 * Checks an {@link HsaId}: {@code SE}, the organisation's 10-digit number (with its Luhn check digit),
 * {@code -} and the unit's id within the organisation, at most 31 characters in all (e.g.
 * {@code SE2321000230-1234}).
 */
public class HsaIdValidator implements ConstraintValidator<HsaId, String> {

    private static final int MAX_LENGTH = 31;
    private static final Pattern FORMAT = Pattern.compile("SE([0-9]{10})-([A-Za-z0-9]+)");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = problem(value);
        if (problem == null) {
            return true;
        }
        // One constraint, three reasons: the client learns which part of the id is wrong.
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** Why the value is not an HSA-id, or null if it is one. */
    public static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "is required";
        }
        var m = FORMAT.matcher(value);
        if (!m.matches() || value.length() > MAX_LENGTH) {
            return "must be an HSA-id: SE, the 10-digit organisation number, '-' and the unit id (e.g. SE2321000230-1234)";
        }
        if (!PersonnummerGuard.luhnValid(m.group(1))) {
            return "has an organisation number whose check digit is wrong";
        }
        // A unit id is free text to whoever types it: a personnummer there is patient data all the same.
        if (PersonnummerGuard.containsIdentityNumber(m.group(2))) {
            return "has a unit id that looks like a Swedish personal identity number; use the unit's HSA id";
        }
        return null;
    }
}
