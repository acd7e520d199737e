package se.driftinfo.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.notifier.window.Occurrence;

/**
 * Gap 7: a reminder's subject says how soon the occurrence starts. Which phrase is chosen is tested
 * here with a bundle that names the message; the Swedish and English words themselves in
 * NotificationMailTest and ReminderPlannerTest, through real mail.
 */
class ReminderSubjectTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final ZonedDateTime START = LocalDateTime.of(2027, 6, 10, 8, 0).atZone(STOCKHOLM);
    static final Occurrence OCCURRENCE = new Occurrence(START.toLocalDateTime(), START, START.plusHours(2), false);

    /** A bundle whose every message is its name and arguments, e.g. {@code inHours(1)}. */
    static final MailMessages NAMES = (MailMessages) Proxy.newProxyInstance(
            MailMessages.class.getClassLoader(),
            new Class<?>[] {MailMessages.class},
            (proxy, method, args) -> method.getName()
                    + (args == null
                            ? ""
                            : Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(",", "(", ")"))));

    @Test
    @DisplayName("gap 7: the 1-hour reminder says in 1 hour, the 1-day one tomorrow, the 7-day one in a week")
    void eachLeadHasItsPhrase() {
        assertEquals("inHours(1)", soon(Duration.ofHours(1), Duration.ofMinutes(59)));
        assertEquals("inHours(1)", soon(Duration.ofHours(1), Duration.ofMinutes(60)));
        assertEquals("tomorrow", soon(Duration.ofDays(1), Duration.ofHours(24).minusMinutes(1)));
        assertEquals("inAWeek", soon(Duration.ofDays(7), Duration.ofDays(7).minusMinutes(1)));
    }

    @Test
    void aReminderSentLateSaysWhatIsTrueWhenItIsSent() {
        assertEquals("inMinutes(20)", soon(Duration.ofHours(1), Duration.ofMinutes(21)));
        assertEquals("inMinutes(5)", soon(Duration.ofHours(1), Duration.ofMinutes(2)));
        assertEquals("today", soon(Duration.ofDays(1), Duration.ofHours(6)), "sent at 02:00 for 08:00 the same day");
        assertEquals("inDays(5)", soon(Duration.ofDays(7), Duration.ofDays(5)));
    }

    @Test
    void tomorrowIsTheNextDateNotTwentyFourHours() {
        // Sent at 23:30 for 08:00 the next morning: eight and a half hours, and the next date.
        assertEquals("tomorrow", soon(Duration.ofDays(1), Duration.ofHours(8).plusMinutes(30)));
    }

    private static String soon(Duration lead, Duration beforeStart) {
        Instant sentAt = START.toInstant().minus(beforeStart);
        return WindowMailComposer.howSoon(OCCURRENCE, lead, sentAt, NAMES);
    }
}
