package se.driftinfo.kit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the identity-number guard (issue #15, gap 10). In the normal build ({@code ./mvnw verify})
 * surefire's {@code fuzz} execution runs it with {@code JAZZER_FUZZ=1} for {@code maxDuration}; every
 * other run replays the seed and crash inputs under
 * {@code src/test/resources/se/driftinfo/kit/validation/PersonnummerGuardFuzzTestInputs/}. Jazzer fuzzes
 * one test per JVM, so every property is checked on each input here:
 *
 * <ul>
 *   <li>any text: the guard never throws, and normalising twice changes nothing;
 *   <li>a valid personnummer or samordningsnummer built from the fuzzer's bytes (random date, serial,
 *       correct Luhn digit, with or without century, any separator, any script's digits) embedded in
 *       arbitrary text is found;
 *   <li>a long text made by repeating the fuzzer's fragment (digit, dash and space runs) is checked in
 *       linear-ish time: no catastrophic backtracking.
 * </ul>
 */
class PersonnummerGuardFuzzTest {

    /** Zero of decimal digit sets people paste from: ASCII, full-width, Arabic-Indic, Devanagari, maths bold. */
    private static final int[] ZEROS = {'0', 0xFF10, 0x0660, 0x06F0, 0x0966, 0x1D7CE};

    private static final String[] SEPARATORS = {
        "",
        "-",
        "+",
        ".",
        "_",
        " ",
        "  ",
        " - ",
        "\u2013",
        "\u2014",
        "\u2212",
        "\uFF0D",
        "\u00A0",
        "\u3000",
        "\t",
        " \u2013 ",
        "\uFF0B",
        "\uFF0E",
        "\uFF3F",
        "\u200B-",
        "-\u00AD"
    };

    private static final int LONG = 20_000;

    @FuzzTest(maxDuration = "15s")
    void theGuardFindsEveryValidNumberInAnyTextQuicklyAndNeverThrows(FuzzedDataProvider data) {
        LocalDate born = LocalDate.ofEpochDay(data.consumeLong(
                LocalDate.of(1900, 1, 1).toEpochDay(),
                LocalDate.of(2099, 12, 31).toEpochDay()));
        boolean coordination = data.consumeBoolean();
        boolean century = data.consumeBoolean();
        int serial = data.consumeInt(0, 999);
        String separator = data.pickValue(SEPARATORS);
        int zero = data.pickValue(ZEROS);
        String prefix = data.consumeString(100);
        String suffix = data.consumeString(100);
        String text = data.consumeRemainingAsString();

        // Any text: never throws, and normalisation is idempotent.
        PersonnummerGuard.containsIdentityNumber(text);
        String once = PersonnummerGuard.normalise(text);
        assertEquals(once, PersonnummerGuard.normalise(once), "normalising twice changes nothing");

        // A valid number, embedded where it stands on its own (no digit right before or after it).
        String number = number(born, coordination, century, serial, separator, zero);
        if (!endsWithDigit(prefix) && !startsWithDigit(suffix)) {
            String embedded = prefix + number + suffix;
            assertTrue(PersonnummerGuard.containsIdentityNumber(embedded), () -> "not found: " + escape(embedded));
        }

        // Linear-ish time on long runs of whatever the fuzzer chose.
        if (!text.isEmpty()) {
            String fragment = text.length() > 16 ? text.substring(0, 16) : text;
            String runs = fragment.repeat(LONG / fragment.length() + 1);
            long start = System.nanoTime();
            PersonnummerGuard.containsIdentityNumber(runs);
            long millis = (System.nanoTime() - start) / 1_000_000;
            // 20,000 characters take about a millisecond; quadratic backtracking would take seconds.
            assertTrue(millis < 2_000, () -> millis + " ms for " + runs.length() + " chars of " + escape(fragment));
        }
    }

    /** The runs a backtracking pattern chokes on, at ten times the fuzzer's length, in plain JUnit. */
    @Test
    void longDigitDashAndSpaceRunsTakeLinearTime() {
        for (String fragment :
                new String[] {"1", "12", "121212-", "121212 ", " ", "-", "1-", "121212 - ", "19121212", "1 2 3 ", "–"
                }) {
            String text = "121212" + fragment.repeat(200_000 / fragment.length()) + "x";
            long start = System.nanoTime();
            PersonnummerGuard.containsIdentityNumber(text);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2_000, () -> millis + " ms for 200,000 characters of '" + escape(fragment) + "'");
        }
    }

    /** YYMMDD (day + 60 for a samordningsnummer), a serial and the Luhn digit, in the chosen digits. */
    static String number(
            LocalDate born, boolean coordination, boolean century, int serial, String separator, int zero) {
        int day = born.getDayOfMonth() + (coordination ? 60 : 0);
        String ten = "%02d%02d%02d%03d".formatted(born.getYear() % 100, born.getMonthValue(), day, serial);
        ten += luhnDigit(ten);
        String plain = (century ? String.valueOf(born.getYear() / 100) : "")
                + ten.substring(0, 6)
                + separator
                + ten.substring(6);
        StringBuilder out = new StringBuilder();
        plain.codePoints().forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? zero + (c - '0') : c));
        return out.toString();
    }

    private static int luhnDigit(String nine) {
        for (int d = 0; d <= 9; d++) {
            if (PersonnummerGuard.luhnValid(nine + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + nine);
    }

    private static boolean endsWithDigit(String s) {
        String plain = PersonnummerGuard.normalise(s);
        return !plain.isEmpty() && Character.isDigit(plain.charAt(plain.length() - 1));
    }

    private static boolean startsWithDigit(String s) {
        String plain = PersonnummerGuard.normalise(s);
        return !plain.isEmpty() && Character.isDigit(plain.charAt(0));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                out.appendCodePoint(c);
            } else {
                out.append("\\u{").append(Integer.toHexString(c)).append('}');
            }
        });
        return out.toString();
    }
}
