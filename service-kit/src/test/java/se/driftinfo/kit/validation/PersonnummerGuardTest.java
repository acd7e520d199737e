package se.driftinfo.kit.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnummerGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Patienten 19811218-9876 kan inte loggas in", // century and separator
                "pat 198112189876 saknas", // century, no separator
                "pnr 811218-9876.", // no century
                "8112189876", // no century, no separator
                "811218 9876 i journalen", // space as separator
                "född 1881: 811218+9876", // plus: 100 years or older
                "samordningsnummer 701063-2391", // day + 60
                "197010632391", // samordningsnummer with century
                "Tolvan 19121212-1212 syns inte",
                "121212–1212", // en dash, as word processors write it
                "121212—1212", // em dash
                "121212−1212", // minus sign
                "121212 - 1212", // spaced dash
                "121212.1212", // dot
                "121212_1212", // underscore
                "121212 1212", // no-break space
                "１９１２１２１２－１２１２", // full-width
                "19121212​-1212", // zero-width space inside
                "١٩١٢١٢١٢-١٢١٢" // Arabic-Indic digits
            })
    void identityNumbersWithAValidCheckDigitAreFound(String text) {
        assertTrue(PersonnummerGuard.containsIdentityNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "19811218-9875", // wrong check digit
                "811218-9877", // wrong check digit
                "701063-2392", // samordningsnummer, wrong check digit
                "811318-9876", // no 13th month
                "811200-9876", // no day 0
                "Ring 070-123 45 67 eller 0910-77 10 00", // phone numbers
                "Cosmic hänger sig sedan 07:45, felkod 500123",
                "Ärende 1234567890", // order number, not a date
                "12345678901234 serienummer", // a longer digit run is not an identity number
                "sedan 2026-11-24 1430", // a date and a time
                "121212–1213", // en dash, wrong check digit
                ""
            })
    void otherNumbersAndInvalidCheckDigitsPass(String text) {
        assertFalse(PersonnummerGuard.containsIdentityNumber(text), text);
    }
}
