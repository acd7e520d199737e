package se.driftinfo.incident.catalog;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The region and system a request names are in the catalog replica. A class-level constraint, so that
 * an unknown region is named in the same problem as every other wrong field; the violations name
 * {@code region} and {@code system}.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = KnownSystemValidator.class)
public @interface KnownSystem {

    String message() default "must be a region and system of the catalog";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a request that names one system of a region offers the check. */
    interface Named {
        String region();

        String system();
    }
}
