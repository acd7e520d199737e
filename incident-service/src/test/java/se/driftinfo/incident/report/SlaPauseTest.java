package se.driftinfo.incident.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.sla.SupportHours;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.kit.domain.ConflictException;

/** Waiting for the reporter stops the SLA clock; linked reports are resolved with their outage. */
class SlaPauseTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Norrbotten's helpdesk: 07:00–16:00 on working days. */
    private static final SupportHours OFFICE = SupportHours.daily(STOCKHOLM, LocalTime.of(7, 0), LocalTime.of(16, 0));

    /** Monday 1 February 2027, 10:00 in Stockholm. */
    private static final Instant MONDAY_10 = Instant.parse("2027-02-01T09:00:00Z");
    /** Tuesday 2 February 2027, 09:00 in Stockholm. */
    private static final Instant TUESDAY_09 = Instant.parse("2027-02-02T08:00:00Z");

    @Test
    void supportTimeBetweenTwoMomentsCountsOnlyOpeningHours() {
        // Monday 10–16 and Tuesday 07–09.
        assertEquals(Duration.ofHours(8), OFFICE.supportTimeBetween(MONDAY_10, TUESDAY_09));
        // Friday 15:00 to Monday 08:00: one hour on Friday, one on Monday.
        assertEquals(
                Duration.ofHours(2),
                OFFICE.supportTimeBetween(
                        Instant.parse("2027-02-05T14:00:00Z"), Instant.parse("2027-02-08T07:00:00Z")));
        assertEquals(Duration.ZERO, OFFICE.supportTimeBetween(TUESDAY_09, MONDAY_10));
        assertEquals(Duration.ofHours(23), SupportHours.allHours(STOCKHOLM).supportTimeBetween(MONDAY_10, TUESDAY_09));
    }

    @Test
    void waitingForTheReporterStopsTheClockAndMovingOnPushesTheDueDatesByThePausedSupportTime() {
        FaultReport report = triaged(MONDAY_10.minusSeconds(3600));
        Instant responseDue = report.responseDue;
        Instant resolveDue = report.resolveDue;
        assertFalse(report.slaPaused());

        report.moveTo(ReportStatus.WAITING_FOR_REPORTER, "lisa", MONDAY_10, OFFICE);
        assertTrue(report.slaPaused());
        assertEquals(MONDAY_10, report.slaPausedAt);
        assertEquals(responseDue, report.responseDue, "the due dates stand still while paused");

        report.moveTo(ReportStatus.IN_PROGRESS, "lisa", TUESDAY_09, OFFICE);
        assertFalse(report.slaPaused());
        assertNull(report.slaPausedAt);
        assertEquals(OFFICE.addSupportTime(responseDue, Duration.ofHours(8)), report.responseDue);
        assertEquals(OFFICE.addSupportTime(resolveDue, Duration.ofHours(8)), report.resolveDue);
        assertEquals(Duration.ofHours(8).toSeconds(), report.slaPausedSeconds);
    }

    @Test
    void resolvingStraightFromWaitingAlsoEndsThePause() {
        FaultReport report = triaged(MONDAY_10.minusSeconds(3600));
        report.moveTo(ReportStatus.WAITING_FOR_REPORTER, "lisa", MONDAY_10, OFFICE);
        report.moveTo(ReportStatus.RESOLVED, "lisa", TUESDAY_09, OFFICE);
        assertFalse(report.slaPaused());
        assertEquals(Duration.ofHours(8).toSeconds(), report.slaPausedSeconds);
    }

    @Test
    void aNewPriorityAfterAPauseKeepsThePausedTimeInItsDueDates() {
        FaultReport report = triaged(MONDAY_10.minusSeconds(3600));
        report.moveTo(ReportStatus.WAITING_FOR_REPORTER, "lisa", MONDAY_10, OFFICE);
        report.moveTo(ReportStatus.IN_PROGRESS, "lisa", TUESDAY_09, OFFICE);
        SlaPolicy.Due fresh =
                new SlaPolicy.Due(Instant.parse("2027-02-01T12:00:00Z"), Instant.parse("2027-02-02T12:00:00Z"));
        report.rescheduleSla(fresh, OFFICE);
        assertEquals(OFFICE.addSupportTime(fresh.response(), Duration.ofHours(8)), report.responseDue);
        assertEquals(OFFICE.addSupportTime(fresh.resolve(), Duration.ofHours(8)), report.resolveDue);
    }

    @Test
    void aLinkedReportIsResolvedWithItsOutageFromAnyOpenStatusWithTheMessageAsAComment() {
        UUID outage = UUID.randomUUID();
        FaultReport report = FaultReportTransitionsTest.newReport();
        report.linkTo(outage, "norrbotten", FaultReport.COVERED_ON_ARRIVAL, MONDAY_10);
        assertEquals(ReportStatus.NEW, report.status);

        assertTrue(report.resolveWithOutage(outage, " Cosmic fungerar igen. ", "lisa", TUESDAY_09, OFFICE));
        assertEquals(ReportStatus.RESOLVED, report.status);
        assertEquals("Cosmic fungerar igen.", report.comments.get(report.comments.size() - 1).text);
        AuditEntry last = report.audit.get(report.audit.size() - 1);
        assertEquals(
                List.of("status", "NEW", "RESOLVED", "lisa"),
                List.of(last.field, last.fromValue, last.toValue, last.actor));

        assertFalse(report.resolveWithOutage(outage, "igen", "lisa", TUESDAY_09, OFFICE), "resolved once only");
    }

    @Test
    void aReportWaitingForItsReporterIsResolvedWithItsOutageAndItsClockStopsPausing() {
        UUID outage = UUID.randomUUID();
        FaultReport report = triaged(MONDAY_10.minusSeconds(3600));
        report.linkTo(outage, "norrbotten", "lisa", MONDAY_10);
        report.moveTo(ReportStatus.WAITING_FOR_REPORTER, "lisa", MONDAY_10, OFFICE);
        assertTrue(report.resolveWithOutage(outage, "Klart.", "lisa", TUESDAY_09, OFFICE));
        assertFalse(report.slaPaused());
    }

    @Test
    void onlyTheLinkedOutageResolvesAReport() {
        FaultReport report = FaultReportTransitionsTest.newReport();
        assertThrows(
                ConflictException.class,
                () -> report.resolveWithOutage(UUID.randomUUID(), "Klart.", "lisa", TUESDAY_09, OFFICE));
        assertEquals(ReportStatus.NEW, report.status);
    }

    private static FaultReport triaged(Instant at) {
        FaultReport report = FaultReportTransitionsTest.newReport();
        report.rescheduleSla(
                new SlaPolicy.Due(Instant.parse("2027-02-01T13:00:00Z"), Instant.parse("2027-02-03T13:00:00Z")),
                OFFICE);
        report.assess(Level.MEDIUM, Level.MEDIUM, "lisa", at);
        return report;
    }
}
