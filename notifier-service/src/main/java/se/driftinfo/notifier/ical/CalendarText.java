package se.driftinfo.notifier.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;

/**
 * Serialises a calendar as RFC 5545 wants it on the wire: CRLF line ends and lines folded at 75
 * <em>octets</em>. iCal4j folds at 75 characters, which splits lines with å, ä, ö too late; after
 * one bad fold Google stops reading a feed, so we unfold its output and fold again by bytes, never
 * inside a UTF-8 sequence.
 */
public final class CalendarText {

    static final int MAX_OCTETS = 75;

    private CalendarText() {}

    public static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            // A fold length no line reaches: folding is done below.
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String unfolded = out.toString().replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 60);
        for (String line : unfolded.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            fold(line, folded);
        }
        return folded.toString();
    }

    /** Appends {@code line} folded into chunks of at most 75 octets (the leading space counts). */
    static void fold(String line, StringBuilder out) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
