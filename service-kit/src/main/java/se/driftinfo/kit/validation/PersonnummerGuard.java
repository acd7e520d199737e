package se.driftinfo.kit.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps patient data out of everything Driftinfo stores or publishes: finds Swedish personal identity
 * numbers (personnummer) and co-ordination numbers (samordningsnummer, day + 60) in free text, with or
 * without century and separator, confirmed by a plausible date and the Luhn check digit so that
 * ordinary numbers pass. It answers only yes or no: the number itself never leaves this class.
 *
 * <p>People paste numbers from journals, spreadsheets and phones, so the text is first normalised:
 * every Unicode decimal digit (full-width {@code １２}, Arabic-Indic, …) counts as its ASCII digit,
 * every dash (en dash, em dash, minus sign, full-width hyphen) as {@code -}, every space (no-break,
 * thin, ideographic) as a space, and invisible characters (zero-width space, soft hyphen) are dropped.
 */
public final class PersonnummerGuard {

    // 19/20 century optional; YYMMDD; a separator (-, +, ., _ with spaces around, or spaces alone); NNN + check digit.
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9])((?:19|20)?)([0-9]{2})([0-9]{2})([0-9]{2})(?: *[-+._] *| +)?([0-9]{3})([0-9])(?![0-9])");

    private PersonnummerGuard() {}

    /** True if the text contains what is, by date and check digit, a personnummer or samordningsnummer. */
    public static boolean containsIdentityNumber(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        // The look-arounds keep candidates whole: a digit run longer than 12 is not an identity number.
        Matcher m = CANDIDATE.matcher(normalise(text));
        while (m.find()) {
            if (isIdentityNumber(m)) {
                return true;
            }
        }
        return false;
    }

    /** The text with look-alike digits, dashes and spaces made plain, so one pattern finds them all. */
    static String normalise(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int digit = Character.digit(c, 10);
            if (digit >= 0) {
                plain.append((char) ('0' + digit));
            } else if (c == '-' || Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212') {
                plain.append('-');
            } else if (c == '\uFF0B') {
                plain.append('+');
            } else if (c == '\uFF0E' || c == '\u3002') {
                plain.append('.');
            } else if (c == '\uFF3F') {
                plain.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                plain.append(' ');
            } else if (Character.getType(c) == Character.FORMAT) {
                // zero-width space, soft hyphen, word joiner: invisible, so they separate nothing
            } else {
                plain.appendCodePoint(c);
            }
        }
        return plain.toString();
    }

    private static boolean isIdentityNumber(Matcher m) {
        String century = m.group(1);
        int yy = Integer.parseInt(m.group(2));
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        if (day > 60) {
            day -= 60; // samordningsnummer
        }
        if (!plausibleDate(century, yy, month, day)) {
            return false;
        }
        return luhnValid(m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6));
    }

    private static boolean plausibleDate(String century, int yy, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        // Without a century, accept the day if it exists in either century (29 Feb needs a leap year).
        int[] centuries = century.isEmpty() ? new int[] {1900, 2000} : new int[] {Integer.parseInt(century) * 100};
        for (int c : centuries) {
            try {
                LocalDate.of(c + yy, month, day);
                return true;
            } catch (DateTimeException e) {
                // not a date in this century
            }
        }
        return false;
    }

    /** The Luhn (mod 10) check over ten digits YYMMDDNNNC. */
    public static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
