package se.driftinfo.incident.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;

class FaultReportTransitionsTest {

    private static final Instant NOW = Instant.parse("2027-02-03T08:20:00Z");

    /** The table as the helpdesk agreed it, written out independently of the enum. */
    private static final Map<ReportStatus, Set<ReportStatus>> ALLOWED = Map.of(
            ReportStatus.NEW, EnumSet.of(ReportStatus.TRIAGED),
            ReportStatus.TRIAGED,
                    EnumSet.of(ReportStatus.IN_PROGRESS, ReportStatus.WAITING_FOR_REPORTER, ReportStatus.RESOLVED),
            ReportStatus.IN_PROGRESS, EnumSet.of(ReportStatus.WAITING_FOR_REPORTER, ReportStatus.RESOLVED),
            ReportStatus.WAITING_FOR_REPORTER, EnumSet.of(ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED),
            ReportStatus.RESOLVED, EnumSet.of(ReportStatus.IN_PROGRESS, ReportStatus.CLOSED),
            ReportStatus.CLOSED, EnumSet.noneOf(ReportStatus.class));

    @Test
    void everyPairOfStatusesIsAllowedExactlyWhenTheTableSaysSo() {
        List<String> wrong = new ArrayList<>();
        for (ReportStatus from : ReportStatus.values()) {
            for (ReportStatus to : ReportStatus.values()) {
                if (from != to && from.canMoveTo(to) != ALLOWED.get(from).contains(to)) {
                    wrong.add(from + "→" + to);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aReportWalksTheWholeLifecycleAndEveryStepIsAudited() {
        FaultReport report = newReport();
        report.assess(Level.HIGH, null, "operator", NOW);
        assertEquals(ReportStatus.TRIAGED, report.status);
        assertEquals(Priority.P2, report.priority);
        for (ReportStatus next : List.of(
                ReportStatus.IN_PROGRESS,
                ReportStatus.WAITING_FOR_REPORTER,
                ReportStatus.IN_PROGRESS,
                ReportStatus.RESOLVED,
                ReportStatus.IN_PROGRESS,
                ReportStatus.RESOLVED,
                ReportStatus.CLOSED)) {
            report.moveTo(next, "operator", NOW);
            assertEquals(next, report.status);
        }
        List<String> statusTrail = report.audit.stream()
                .filter(a -> a.field.equals("status"))
                .map(a -> a.fromValue + "→" + a.toValue)
                .toList();
        assertEquals(
                List.of(
                        "null→NEW",
                        "NEW→TRIAGED",
                        "TRIAGED→IN_PROGRESS",
                        "IN_PROGRESS→WAITING_FOR_REPORTER",
                        "WAITING_FOR_REPORTER→IN_PROGRESS",
                        "IN_PROGRESS→RESOLVED",
                        "RESOLVED→IN_PROGRESS",
                        "IN_PROGRESS→RESOLVED",
                        "RESOLVED→CLOSED"),
                statusTrail);
    }

    @ParameterizedTest(name = "{0} → {1} is forbidden")
    @CsvSource({
        "NEW, IN_PROGRESS",
        "NEW, RESOLVED",
        "NEW, CLOSED",
        "TRIAGED, NEW",
        "TRIAGED, CLOSED",
        "IN_PROGRESS, TRIAGED",
        "WAITING_FOR_REPORTER, CLOSED",
        "CLOSED, IN_PROGRESS"
    })
    void forbiddenTransitionsAreConflictsAndChangeNothing(ReportStatus from, ReportStatus to) {
        FaultReport report = newReport();
        report.priority = Priority.P3;
        report.status = from;
        int auditBefore = report.audit.size();
        assertThrows(ConflictException.class, () -> report.moveTo(to, "operator", NOW));
        assertEquals(from, report.status);
        assertEquals(auditBefore, report.audit.size());
    }

    @Test
    void aReportCannotBeTriagedWithoutAnImpact() {
        FaultReport report = newReport();
        assertThrows(ConflictException.class, () -> report.moveTo(ReportStatus.TRIAGED, "operator", NOW));
        assertEquals(ReportStatus.NEW, report.status);
    }

    @Test
    void raisingTheUrgencyBeforeTriageChangesTheSlaPriorityButNotTheStatus() {
        FaultReport report = newReport();
        assertEquals(Priority.P3, report.slaPriority()); // medium impact assumed until triage
        assertEquals(true, report.assess(null, Level.HIGH, "operator", NOW));
        assertEquals(Priority.P2, report.slaPriority());
        assertEquals(ReportStatus.NEW, report.status);
        assertEquals(false, report.assess(null, Level.HIGH, "operator", NOW));
    }

    @Test
    void onlyProviderSideTimeIsBillable() {
        FaultReport report = newReport();
        report.recordTimeSpent(30, "operator", NOW);
        assertEquals(0, report.billableMinutes());
        report.assignResponsibility(Responsibility.PROVIDER, "operator", NOW);
        report.recordTimeSpent(15, "operator", NOW);
        assertEquals(45, report.billableMinutes());
        assertEquals(
                "timeSpentMinutes",
                assertThrows(InvalidFieldException.class, () -> report.recordTimeSpent(0, "operator", NOW))
                        .field());
    }

    static FaultReport newReport() {
        FaultReport.Draft draft = new FaultReport.Draft(
                "SE2321000230-1234",
                "Hälsocentralen Kiruna",
                "Anna Berg",
                "reception@hc-kiruna.example",
                null,
                "sv",
                "norrbotten",
                "cosmic",
                "Cosmic startar inte på morgonen",
                Level.MEDIUM,
                null);
        return FaultReport.receive(
                UUID.randomUUID(),
                "FR-2027-000001",
                draft,
                null,
                new SlaPolicy.Due(NOW.plusSeconds(3600), NOW.plusSeconds(7200)),
                NOW);
    }
}
