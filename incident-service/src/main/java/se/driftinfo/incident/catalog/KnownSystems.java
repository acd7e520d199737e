package se.driftinfo.incident.catalog;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/**
 * The region a request names is in the catalog replica, with every one of its systems. The violations
 * name {@code region}, {@code systems} (none given) and {@code systems[i]} (the i-th distinct system).
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = KnownSystemsValidator.class)
public @interface KnownSystems {

    String message() default "must be a region of the catalog and systems of that region";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a request that names several systems of a region offers the check. */
    interface Named {
        String region();

        List<String> systems();
    }
}
