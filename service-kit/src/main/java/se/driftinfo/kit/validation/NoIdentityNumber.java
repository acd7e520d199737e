package se.driftinfo.kit.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Free text without patient data: no personnummer or samordningsnummer ({@link PersonnummerGuard}).
 * Put it on every free-text field that is stored or published. The reason never repeats the text, so the
 * number goes nowhere. Forms recognise this constraint by its type, never by its message.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = NoIdentityNumber.Validator.class)
public @interface NoIdentityNumber {

    String message() default
            "contains what looks like a Swedish personal identity number"
                    + " (personnummer or samordningsnummer); Driftinfo must not store patient data, remove it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoIdentityNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !PersonnummerGuard.containsIdentityNumber(value);
        }
    }
}
