package se.driftinfo.incident.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Checks {@link KnownSystems} against the catalog replica. */
@ApplicationScoped
public class KnownSystemsValidator implements ConstraintValidator<KnownSystems, KnownSystems.Named> {

    private final KnownCatalog catalog;

    public KnownSystemsValidator(KnownCatalog catalog) {
        this.catalog = catalog;
    }

    /** The systems as the service keeps them: each once, in the order given. */
    public static List<String> distinct(List<String> systems) {
        return systems == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(systems));
    }

    @Override
    public boolean isValid(KnownSystems.Named value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        String region = value.region();
        Optional<KnownCatalog.Region> known = catalog.region(region);
        boolean valid = true;
        if (region == null || region.isBlank()) {
            valid = KnownSystemValidator.violation(context, "region", "is required");
        } else if (known.isEmpty()) {
            valid = KnownSystemValidator.violation(
                    context, "region", "unknown region " + KnownSystemValidator.echo(region));
        }
        List<String> systems = distinct(value.systems());
        if (systems.isEmpty()) {
            valid = KnownSystemValidator.violation(context, "systems", "name at least one system");
        }
        for (int i = 0; i < systems.size() && known.isPresent(); i++) {
            String s = systems.get(i);
            if (s == null || !known.get().hasSystem(s)) {
                context.buildConstraintViolationWithTemplate(KnownSystemValidator.escape(
                                "region " + region + " has no system " + KnownSystemValidator.echo(s)))
                        .addPropertyNode("systems")
                        .addBeanNode()
                        .inIterable()
                        .atIndex(i)
                        .addConstraintViolation();
                valid = false;
            }
        }
        return valid;
    }
}
