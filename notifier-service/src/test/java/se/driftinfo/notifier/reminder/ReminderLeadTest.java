package se.driftinfo.notifier.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReminderLeadTest {

    static final List<Duration> LEADS = List.of(Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1));
    static final Instant START = Instant.parse("2027-06-10T06:00:00Z");

    @Test
    void eachPeriodHasItsOwnLead() {
        assertEquals(Optional.empty(), ReminderPlanner.dueLead(LEADS, START, START.minus(Duration.ofDays(8))));
        assertEquals(
                Optional.of(Duration.ofDays(7)),
                ReminderPlanner.dueLead(LEADS, START, START.minus(Duration.ofDays(7))));
        assertEquals(
                Optional.of(Duration.ofDays(7)),
                ReminderPlanner.dueLead(LEADS, START, START.minus(Duration.ofDays(2))));
        assertEquals(
                Optional.of(Duration.ofDays(1)),
                ReminderPlanner.dueLead(LEADS, START, START.minus(Duration.ofHours(20))));
        assertEquals(
                Optional.of(Duration.ofHours(1)),
                ReminderPlanner.dueLead(LEADS, START, START.minus(Duration.ofMinutes(59))));
    }

    @Test
    void nothingOnceTheOccurrenceHasStarted() {
        assertEquals(Optional.empty(), ReminderPlanner.dueLead(LEADS, START, START));
        assertEquals(Optional.empty(), ReminderPlanner.dueLead(LEADS, START, START.plusSeconds(1)));
    }

    @Test
    @DisplayName("gap 7: announced 62 minutes ahead, neither the 1-day nor the 1-hour reminder is worth sending")
    void remindersDueBeforeOrJustAfterTheAnnouncementAreSkipped() {
        Instant announced = START.minus(Duration.ofMinutes(62));
        assertFalse(ReminderPlanner.notTooSoonAfterAnnouncement(Duration.ofDays(1), START, announced));
        assertFalse(ReminderPlanner.notTooSoonAfterAnnouncement(Duration.ofHours(1), START, announced));
        assertFalse(ReminderPlanner.notTooSoonAfterAnnouncement(Duration.ofDays(7), START, announced));
    }

    @Test
    void aReminderHalfItsLeadAfterTheAnnouncementIsSent() {
        assertTrue(ReminderPlanner.notTooSoonAfterAnnouncement(
                Duration.ofHours(1), START, START.minus(Duration.ofMinutes(90))));
        assertFalse(ReminderPlanner.notTooSoonAfterAnnouncement(
                Duration.ofHours(1), START, START.minus(Duration.ofMinutes(89))));
        assertTrue(ReminderPlanner.notTooSoonAfterAnnouncement(
                Duration.ofDays(1), START, START.minus(Duration.ofHours(36))));
        assertFalse(ReminderPlanner.notTooSoonAfterAnnouncement(
                Duration.ofDays(1), START, START.minus(Duration.ofHours(30))));
        assertTrue(
                ReminderPlanner.notTooSoonAfterAnnouncement(Duration.ofDays(7), START, Instant.EPOCH),
                "a series announced long ago");
    }
}
