package se.driftinfo.incident.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A unit's HSA-id with a valid organisation number; required. See {@link HsaIdValidator}. */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = HsaIdValidator.class)
public @interface HsaId {

    String message() default "must be an HSA-id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
