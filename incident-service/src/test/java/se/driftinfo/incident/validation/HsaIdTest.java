package se.driftinfo.incident.validation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HsaIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"SE2321000230-1234", "SE2321000016-ABC9", "SE2321000230-E123456789012345"})
    void wellFormedHsaIdsWithAValidOrganisationNumberAreAccepted(String hsaId) {
        assertNull(HsaIdValidator.problem(hsaId), hsaId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2321000230-1234",
                "SE232100023-1234",
                "SE2321000230",
                "SE2321000230-",
                "se2321000230-1234",
                "SE2321000230-12 4",
                "SE2321000231-1234",
                "SE2321000230-E123456789012345678",
                "SE2321000230-191212121212" // a personnummer as the unit id
            })
    void malformedHsaIdsOrWrongCheckDigitsAreRejectedWithAReason(String hsaId) {
        assertNotNull(HsaIdValidator.problem(hsaId), hsaId);
    }
}
