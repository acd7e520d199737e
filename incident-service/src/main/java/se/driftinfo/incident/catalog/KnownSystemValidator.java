package se.driftinfo.incident.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Checks {@link KnownSystem} against the catalog replica. */
@ApplicationScoped
public class KnownSystemValidator implements ConstraintValidator<KnownSystem, KnownSystem.Named> {

    private final KnownCatalog catalog;

    public KnownSystemValidator(KnownCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean isValid(KnownSystem.Named value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        String region = value.region();
        String system = value.system();
        Optional<KnownCatalog.Region> known = catalog.region(region);
        boolean valid = true;
        if (region == null || region.isBlank()) {
            valid = violation(context, "region", "is required");
        } else if (known.isEmpty()) {
            valid = violation(context, "region", "unknown region " + echo(region));
        }
        if (system == null || system.isBlank()) {
            valid = violation(context, "system", "is required");
        } else if (known.isPresent() && !known.get().hasSystem(system)) {
            valid = violation(context, "system", "region " + region + " has no system " + echo(system));
        }
        return valid;
    }

    static boolean violation(ConstraintValidatorContext context, String field, String reason) {
        context.buildConstraintViolationWithTemplate(escape(reason))
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }

    /**
     * What the client sent, quoted in a reason if it looks like a catalog code; anything else (a sentence,
     * an identity number, a megabyte) is not repeated back.
     */
    static String echo(String value) {
        return value.matches("[A-Za-z0-9_-]{1,60}") ? "'" + value + "'" : "(not a code of the catalog)";
    }

    /** The reason may echo what the client sent: keep it from being read as a message expression. */
    static String escape(String reason) {
        return reason.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
