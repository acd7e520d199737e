package se.driftinfo.notifier.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CalendarTextTest {

    @Test
    void foldsAt75OctetsWithoutSplittingUtf8Sequences() {
        String line = "SUMMARY:" + "Underhåll av Sjunet och Labportalen i Jämtland Härjedalen – ".repeat(4);
        StringBuilder out = new StringBuilder();
        CalendarText.fold(line, out);
        String folded = out.toString();
        assertTrue(folded.endsWith("\r\n"));
        for (String physical : folded.split("\r\n")) {
            byte[] bytes = physical.getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length <= 75, "over 75 octets: " + physical);
            // A split UTF-8 sequence would not survive the round trip through a String.
            assertEquals(physical, new String(bytes, StandardCharsets.UTF_8));
        }
        assertEquals(line, folded.replace("\r\n ", "").replace("\r\n", ""), "unfolding gives the line back");
    }

    @Test
    void foldsBeforeAMultiByteCharacterThatWouldCrossTheLimit() {
        // 74 ASCII octets then "å" (2 octets): 76 would cross the limit, so "å" starts the next line.
        String line = "X".repeat(74) + "åäö";
        StringBuilder out = new StringBuilder();
        CalendarText.fold(line, out);
        assertEquals("X".repeat(74) + "\r\n åäö\r\n", out.toString());
    }

    @Test
    void shortLinesAreLeftAlone() {
        StringBuilder out = new StringBuilder();
        CalendarText.fold("VERSION:2.0", out);
        assertEquals("VERSION:2.0\r\n", out.toString());
    }
}
