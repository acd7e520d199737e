package se.driftinfo.notifier.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
}
