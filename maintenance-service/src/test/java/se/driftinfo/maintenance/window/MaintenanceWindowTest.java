package se.driftinfo.maintenance.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.maintenance.RecurrenceRule;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;

/** The rules of a maintenance window, in plain Java: no database, no broker, no HTTP. */
class MaintenanceWindowTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-12-02T09:00:00Z");

    /** FU-stopp: the third Wednesday of every month, 17:00–23:00 Stockholm time, from January 2027. */
    static WindowDefinition fuStopp(LocalDateTime start, LocalDateTime end) {
        return new WindowDefinition(
                "FU-stopp",
                "Cosmic stängs.",
                "norrbotten",
                List.of("cosmic", "labportalen"),
                STOCKHOLM,
                start,
                end,
                RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE", STOCKHOLM));
    }

    static MaintenanceWindow scheduledFuStopp() {
        return MaintenanceWindow.schedule(
                fuStopp(LocalDateTime.of(2027, 1, 20, 17, 0), LocalDateTime.of(2027, 1, 20, 23, 0)), NOW);
    }

    @Test
    void cancellingAnOccurrenceRecordsItAndSaysWhich() {
        MaintenanceWindow window = scheduledFuStopp();

        WindowChange.OccurrenceCancelled change =
                window.cancelOccurrence(LocalDate.of(2027, 2, 17), "Uppgradering", LATER);

        assertEquals(LocalDateTime.of(2027, 2, 17, 17, 0), change.originalStart());
        assertEquals("Uppgradering", change.reason());
        OccurrenceException exception = window.exceptions().get(0);
        assertEquals(OccurrenceStatus.CANCELLED, exception.kind());
        assertEquals(LocalDateTime.of(2027, 2, 17, 17, 0), exception.originalStart());
        assertEquals(LATER, window.updatedAt());
    }

    @Test
    void cancellingAnOccurrenceTwiceIsAConflict() {
        MaintenanceWindow window = scheduledFuStopp();
        window.cancelOccurrence(LocalDate.of(2027, 2, 17), null, NOW);

        ConflictException e = assertThrows(
                ConflictException.class, () -> window.cancelOccurrence(LocalDate.of(2027, 2, 17), null, LATER));

        assertEquals("The occurrence on 2027-02-17 is already cancelled", e.getMessage());
        assertEquals(1, window.sequence());
    }

    @Test
    void movedOccurrenceTakesItsNewTimes() {
        MaintenanceWindow window = scheduledFuStopp();
        LocalDateTime newStart = LocalDateTime.of(2027, 2, 18, 18, 0);
        LocalDateTime newEnd = LocalDateTime.of(2027, 2, 18, 22, 0);

        WindowChange.OccurrenceMoved change =
                window.moveOccurrence(LocalDate.of(2027, 2, 17), newStart, newEnd, "Krockar med release", LATER);

        assertEquals(
                new WindowChange.OccurrenceMoved(
                        LocalDateTime.of(2027, 2, 17, 17, 0), newStart, newEnd, "Krockar med release"),
                change);
        OccurrenceException exception = window.exceptions().get(0);
        assertEquals(OccurrenceStatus.MOVED, exception.kind());
        assertEquals(newStart, exception.newStart());
        assertEquals(newEnd, exception.newEnd());
    }

    @Test
    void cancelledOccurrenceCannotBeMoved() {
        MaintenanceWindow window = scheduledFuStopp();
        window.cancelOccurrence(LocalDate.of(2027, 2, 17), null, NOW);

        assertThrows(
                ConflictException.class,
                () -> window.moveOccurrence(
                        LocalDate.of(2027, 2, 17),
                        LocalDateTime.of(2027, 2, 18, 17, 0),
                        LocalDateTime.of(2027, 2, 18, 23, 0),
                        null,
                        LATER));

        OccurrenceException exception = window.exceptions().get(0);
        assertEquals(OccurrenceStatus.CANCELLED, exception.kind());
        assertNull(exception.newStart());
    }

    @Test
    void movedOccurrenceMustEndAfterItStarts() {
        MaintenanceWindow window = scheduledFuStopp();

        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> window.moveOccurrence(
                        LocalDate.of(2027, 2, 17),
                        LocalDateTime.of(2027, 2, 18, 17, 0),
                        LocalDateTime.of(2027, 2, 18, 16, 0),
                        null,
                        LATER));

        assertEquals("end", e.field());
        assertTrue(window.exceptions().isEmpty());
    }

    @Test
    void occurrenceOnADateTheRuleDoesNotHitIsNotFound() {
        MaintenanceWindow window = scheduledFuStopp();
        LocalDate notAThirdWednesday = LocalDate.of(2027, 2, 10);

        NotFoundException cancel =
                assertThrows(NotFoundException.class, () -> window.cancelOccurrence(notAThirdWednesday, null, LATER));
        assertThrows(
                NotFoundException.class,
                () -> window.moveOccurrence(
                        notAThirdWednesday,
                        LocalDateTime.of(2027, 2, 11, 17, 0),
                        LocalDateTime.of(2027, 2, 11, 23, 0),
                        null,
                        LATER));

        assertEquals("An occurrence of this window on 2027-02-10 does not exist", cancel.getMessage());
        assertTrue(window.exceptions().isEmpty());
        assertEquals(0, window.sequence());
    }

    @Test
    void occurrenceBeforeTheSeriesStartsIsNotFound() {
        MaintenanceWindow window = scheduledFuStopp();

        assertThrows(NotFoundException.class, () -> window.cancelOccurrence(LocalDate.of(2026, 12, 16), null, LATER));
    }

    @Test
    void editFromADateMustStartOnOrAfterThatDate() {
        MaintenanceWindow window = scheduledFuStopp();

        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> window.changeFrom(
                        LocalDate.of(2027, 6, 1),
                        fuStopp(LocalDateTime.of(2027, 5, 19, 18, 0), LocalDateTime.of(2027, 5, 19, 22, 0)),
                        LATER));

        assertEquals("start", e.field());
        assertEquals("FREQ=MONTHLY;BYDAY=3WE", window.recurrence());
        assertEquals(0, window.sequence());
    }

    @Test
    void editFromADateEndsTheOldSeriesWithUntilAndStartsOneThatSupersedesIt() {
        MaintenanceWindow window = scheduledFuStopp();
        window.cancelOccurrence(LocalDate.of(2027, 3, 17), "Påsk", NOW);
        window.cancelOccurrence(LocalDate.of(2027, 7, 21), "Semester", NOW);

        MaintenanceWindow successor = window.changeFrom(
                LocalDate.of(2027, 6, 1),
                fuStopp(LocalDateTime.of(2027, 6, 16, 18, 0), LocalDateTime.of(2027, 6, 16, 22, 0)),
                LATER);

        assertNotSame(window, successor);
        // The last occurrence before June 1 is May 19, 17:00 in Stockholm (CEST), 15:00 UTC.
        assertEquals("FREQ=MONTHLY;BYDAY=3WE;UNTIL=20270519T150000Z", window.recurrence());
        assertEquals(
                List.of(LocalDateTime.of(2027, 3, 17, 17, 0)),
                window.exceptions().stream()
                        .map(OccurrenceException::originalStart)
                        .toList());
        assertEquals(WindowStatus.SCHEDULED, window.status());
        assertEquals(window.id(), successor.supersedes());
        assertEquals(LocalDateTime.of(2027, 6, 16, 18, 0), successor.start());
        assertEquals("FREQ=MONTHLY;BYDAY=3WE", successor.recurrence());
        assertEquals(0, successor.sequence());
        assertTrue(successor.exceptions().isEmpty());
    }

    @Test
    void editFromADateBeforeAnyOccurrenceRedefinesTheSeriesInPlace() {
        MaintenanceWindow window = scheduledFuStopp();

        MaintenanceWindow current = window.changeFrom(
                LocalDate.of(2027, 1, 1),
                fuStopp(LocalDateTime.of(2027, 1, 20, 18, 0), LocalDateTime.of(2027, 1, 20, 22, 0)),
                LATER);

        assertSame(window, current);
        assertEquals(LocalDateTime.of(2027, 1, 20, 18, 0), window.start());
        assertEquals("FREQ=MONTHLY;BYDAY=3WE", window.recurrence());
        assertNull(window.supersedes());
    }

    @Test
    void redefiningDropsExceptionsThatNoLongerFallOnTheRule() {
        MaintenanceWindow window = scheduledFuStopp();
        window.cancelOccurrence(LocalDate.of(2027, 2, 17), null, NOW);
        WindowDefinition weekly = new WindowDefinition(
                "FU-stopp",
                null,
                "norrbotten",
                List.of("cosmic"),
                STOCKHOLM,
                LocalDateTime.of(2027, 1, 21, 17, 0),
                LocalDateTime.of(2027, 1, 21, 23, 0),
                RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=TH", STOCKHOLM));

        window.redefine(weekly, LATER);

        assertTrue(window.exceptions().isEmpty());
    }

    @Test
    void cancelledSeriesCannotChangeAnyMore() {
        MaintenanceWindow window = scheduledFuStopp();
        WindowChange.Cancelled cancelled = window.cancel("Avtalet upphör", NOW);
        assertEquals("Avtalet upphör", cancelled.reason());
        assertEquals(WindowStatus.CANCELLED, window.status());
        int sequence = window.sequence();
        WindowDefinition later = fuStopp(LocalDateTime.of(2027, 6, 16, 18, 0), LocalDateTime.of(2027, 6, 16, 22, 0));

        assertThrows(ConflictException.class, () -> window.cancel(null, LATER));
        assertThrows(ConflictException.class, () -> window.redefine(later, LATER));
        assertThrows(ConflictException.class, () -> window.changeFrom(LocalDate.of(2027, 6, 1), later, LATER));
        assertThrows(ConflictException.class, () -> window.cancelOccurrence(LocalDate.of(2027, 2, 17), null, LATER));
        ConflictException move = assertThrows(
                ConflictException.class,
                () -> window.moveOccurrence(
                        LocalDate.of(2027, 2, 17),
                        LocalDateTime.of(2027, 2, 18, 17, 0),
                        LocalDateTime.of(2027, 2, 18, 23, 0),
                        null,
                        LATER));

        assertEquals("The window 'FU-stopp' is cancelled; it cannot change any more", move.getMessage());
        assertEquals(sequence, window.sequence());
        assertEquals(NOW, window.updatedAt());
        assertEquals("FREQ=MONTHLY;BYDAY=3WE", window.recurrence());
        assertTrue(window.exceptions().isEmpty());
    }

    @Test
    void sequenceRisesOnEveryChange() {
        MaintenanceWindow window = scheduledFuStopp();
        assertEquals(0, window.sequence());

        window.cancelOccurrence(LocalDate.of(2027, 2, 17), null, NOW);
        assertEquals(1, window.sequence());
        assertEquals(1, window.exceptions().get(0).sequence());

        window.moveOccurrence(
                LocalDate.of(2027, 3, 17),
                LocalDateTime.of(2027, 3, 18, 17, 0),
                LocalDateTime.of(2027, 3, 18, 23, 0),
                null,
                NOW);
        assertEquals(2, window.sequence());
        assertEquals(2, window.exceptions().get(1).sequence());

        window.redefine(fuStopp(LocalDateTime.of(2027, 1, 20, 18, 0), LocalDateTime.of(2027, 1, 20, 23, 0)), NOW);
        assertEquals(3, window.sequence());

        window.changeFrom(
                LocalDate.of(2027, 6, 1),
                fuStopp(LocalDateTime.of(2027, 6, 16, 18, 0), LocalDateTime.of(2027, 6, 16, 22, 0)),
                NOW);
        assertEquals(4, window.sequence());

        window.cancel(null, NOW);
        assertEquals(5, window.sequence());
    }
}
