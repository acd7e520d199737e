package se.driftinfo.incident.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.cover.Cover;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;

/** The rules of the fault report aggregate that FaultReportTransitionsTest does not walk through. */
class FaultReportRulesTest {

    private static final Instant NOW = Instant.parse("2027-02-03T08:20:00Z");

    @Test
    void aReceivedReportIsNewWithTrimmedTextTheCoverAndTheReporterInItsAuditTrail() {
        FaultReport.Draft draft = new FaultReport.Draft(
                "SE2321000230-1234",
                "  Hälsocentralen Kiruna ",
                " Anna Berg",
                "reception@hc-kiruna.example ",
                "   ",
                "en",
                "norrbotten",
                "cosmic",
                " Cosmic startar inte på morgonen ",
                Level.HIGH,
                null);
        UUID outage = UUID.randomUUID();
        FaultReport report = FaultReport.receive(
                UUID.randomUUID(),
                "FR-2027-000007",
                draft,
                new Cover(Cover.Kind.OUTAGE, outage, "Cosmic nere", NOW.minusSeconds(600), null),
                new SlaPolicy.Due(NOW.plusSeconds(60), NOW.plusSeconds(120)),
                NOW);
        assertEquals(ReportStatus.NEW, report.status);
        assertEquals("Hälsocentralen Kiruna", report.unitName);
        assertEquals("Anna Berg", report.contactName);
        assertEquals("reception@hc-kiruna.example", report.contactEmail);
        assertNull(report.contactPhone, "a blank phone number is no phone number");
        assertEquals("Cosmic startar inte på morgonen", report.description);
        assertEquals(Cover.Kind.OUTAGE, report.coveredKind);
        assertEquals(outage, report.coveredId);
        assertNull(report.coveredUntil);
        assertEquals(NOW.plusSeconds(60), report.responseDue);
        assertNull(report.priority, "no priority until triage");
        assertEquals(Priority.P2, report.slaPriority(), "medium impact × high urgency until triage");
        assertEquals(1, report.audit.size());
        assertEquals("reporter SE2321000230-1234", report.audit.get(0).actor);
    }

    @Test
    void triageDerivesThePriorityFromTheMatrixAndAuditsEachChangedField() {
        FaultReport report = FaultReportTransitionsTest.newReport();
        assertTrue(report.assess(Level.HIGH, Level.HIGH, "lisa", NOW));
        assertEquals(Priority.P1, report.priority);
        assertEquals(ReportStatus.TRIAGED, report.status);
        assertEquals(
                List.of("urgency:MEDIUM→HIGH", "impact:null→HIGH", "priority:null→P1", "status:NEW→TRIAGED"),
                trail(report).subList(1, 5));

        // A later assessment re-derives the priority; the status stays where it is.
        assertTrue(report.assess(Level.LOW, null, "lisa", NOW));
        assertEquals(Priority.P3, report.priority);
        assertEquals(ReportStatus.TRIAGED, report.status);
        int audited = report.audit.size();
        assertFalse(report.assess(Level.LOW, Level.HIGH, "lisa", NOW), "the same values change nothing");
        assertEquals(audited, report.audit.size());
    }

    @Test
    void aBlankAssigneeUnassignsAndTheSameAssigneeIsNoChange() {
        FaultReport report = FaultReportTransitionsTest.newReport();
        report.assignTo(" kalle ", "lisa", NOW);
        assertEquals("kalle", report.assignee);
        int audited = report.audit.size();
        report.assignTo("kalle", "lisa", NOW);
        assertEquals(audited, report.audit.size());
        report.assignTo("  ", "lisa", NOW);
        assertNull(report.assignee);
        assertEquals("assignee:kalle→null", trail(report).get(trail(report).size() - 1));
    }

    @Test
    void timeSpentAddsUpAndMustBePositive() {
        FaultReport report = FaultReportTransitionsTest.newReport();
        report.assignResponsibility(Responsibility.PROVIDER, "lisa", NOW);
        report.recordTimeSpent(20, "lisa", NOW);
        report.recordTimeSpent(25, "lisa", NOW);
        assertEquals(45, report.timeSpentMinutes);
        assertEquals(45, report.billableMinutes());
        assertThrows(InvalidFieldException.class, () -> report.recordTimeSpent(-5, "lisa", NOW));
        assertEquals(45, report.timeSpentMinutes);
        report.assignResponsibility(Responsibility.REGION, "lisa", NOW);
        assertEquals(0, report.billableMinutes(), "region-side work is never billed, whenever it was spent");
    }

    @Test
    void aReportLinksOnlyToAnOutageOfItsOwnRegionAndCanBeUnlinked() {
        FaultReport report = FaultReportTransitionsTest.newReport();
        UUID elsewhere = UUID.randomUUID();
        assertThrows(ConflictException.class, () -> report.linkTo(elsewhere, "kronoberg", "lisa", NOW));
        assertNull(report.outageId);

        UUID outage = UUID.randomUUID();
        report.linkTo(outage, "norrbotten", "lisa", NOW);
        assertEquals(outage, report.outageId);
        report.linkTo(null, null, "lisa", NOW);
        assertNull(report.outageId);
        assertEquals(
                List.of("outageId:null→" + outage, "outageId:" + outage + "→null"),
                trail(report).subList(1, 3));
    }

    @Test
    void aClosedReportRefusesEveryChange() {
        FaultReport report = FaultReportTransitionsTest.newReport();
        report.assess(Level.LOW, null, "lisa", NOW);
        report.moveTo(ReportStatus.RESOLVED, "lisa", NOW);
        report.moveTo(ReportStatus.CLOSED, "lisa", NOW);
        int audited = report.audit.size();
        List<Consumer<FaultReport>> changes = List.of(
                r -> r.assess(Level.HIGH, null, "lisa", NOW),
                r -> r.assignResponsibility(Responsibility.PROVIDER, "lisa", NOW),
                r -> r.assignTo("kalle", "lisa", NOW),
                r -> r.recordTimeSpent(10, "lisa", NOW),
                r -> r.linkTo(null, null, "lisa", NOW),
                r -> r.comment("För sent", "lisa", NOW),
                r -> r.moveTo(ReportStatus.IN_PROGRESS, "lisa", NOW));
        for (Consumer<FaultReport> change : changes) {
            assertThrows(ConflictException.class, () -> change.accept(report));
        }
        assertEquals(ReportStatus.CLOSED, report.status);
        assertEquals(audited, report.audit.size());
        assertTrue(report.comments.isEmpty());
    }

    @Test
    void aCommentIsKeptTrimmedWithItsAuthorAndAudited() {
        FaultReport report = FaultReportTransitionsTest.newReport();
        report.comment("  Vilken webbläsare? ", "lisa", NOW);
        assertEquals("Vilken webbläsare?", report.comments.get(0).text);
        assertEquals("lisa", report.comments.get(0).author);
        assertEquals("comment:null→added", trail(report).get(1));
    }

    private static List<String> trail(FaultReport report) {
        return report.audit.stream()
                .map(a -> a.field + ":" + a.fromValue + "→" + a.toValue)
                .toList();
    }
}
