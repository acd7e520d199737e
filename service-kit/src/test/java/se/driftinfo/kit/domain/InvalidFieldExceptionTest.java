package se.driftinfo.kit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.driftinfo.kit.domain.InvalidFieldException.FieldError;

/** An invalid-field error names each field as the client sent it, so a form can show it in place. */
class InvalidFieldExceptionTest {

    @Test
    void oneFieldIsNamedWithItsReason() {
        InvalidFieldException e = new InvalidFieldException("region", "is not a known region");
        assertEquals("region", e.field());
        assertEquals(List.of(new FieldError("region", "is not a known region")), e.errors());
        assertEquals("region: is not a known region", e.getMessage());
    }

    @Test
    void severalFieldsAreNamedInTheOrderGiven() {
        List<FieldError> errors = new ArrayList<>(List.of(
                new FieldError("systems[1]", "is not a system of norrbotten"),
                new FieldError("end", "must be after start")));
        InvalidFieldException e = new InvalidFieldException(errors);
        errors.clear();
        assertEquals("systems[1]", e.field());
        assertEquals(2, e.errors().size(), "a later change of the caller's list does not reach the exception");
        assertEquals("systems[1]: is not a system of norrbotten; end: must be after start", e.getMessage());
    }

    @Test
    void aReasonQuotingAnIdentityNumberDoesNotRepeatIt() {
        InvalidFieldException e = new InvalidFieldException("region", "unknown region '19121212-1212'");
        assertEquals("region", e.field());
        assertFalse(
                e.errors().get(0).reason().contains("1212"), e.errors().get(0).reason());
        assertFalse(e.getMessage().contains("1212"), e.getMessage());
    }

    @Test
    void noFieldAtAllIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidFieldException(List.of()));
    }

    @Test
    void notFoundSaysWhatDoesNotExist() {
        assertEquals("Window 42 does not exist", new NotFoundException("Window 42").getMessage());
    }
}
