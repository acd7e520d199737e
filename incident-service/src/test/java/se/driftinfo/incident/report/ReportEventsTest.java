package se.driftinfo.incident.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.incident.ContractFields;
import se.driftinfo.incident.cover.Cover;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.sla.SupportHours;
import se.driftinfo.incident.triage.Level;

class ReportEventsTest {

    @Test
    void aReceivedEventHasExactlyTheFieldsOfTheContractSample() {
        FaultReport report = received();
        assertEquals(
                ContractFields.ofSample(EventTypes.FAULT_REPORT_RECEIVED),
                ContractFields.of(ReportEvents.toEvent(report)));
        assertNull(ReportEvents.toEvent(report).resolution());
    }

    @Test
    void aReportResolvedWithItsOutageCarriesTheOutagesResolutionInTheContractsFields() {
        FaultReport report = received();
        UUID outage = report.coveredId;
        Instant resolvedAt = report.receivedAt.plusSeconds(3600);
        report.linkTo(outage, "norrbotten", FaultReport.COVERED_ON_ARRIVAL, report.receivedAt);
        report.resolveWithOutage(
                outage, "Cosmic fungerar igen.", "lisa", resolvedAt, SupportHours.allHours(ZoneOffset.UTC));

        FaultReportEventV1 event = ReportEvents.toEvent(report, "Cosmic fungerar igen.");

        assertEquals(ContractFields.ofSample(EventTypes.FAULT_REPORT_STATUS_CHANGED), ContractFields.of(event));
        assertEquals("RESOLVED", event.report().status());
        assertEquals(outage, event.report().outageId());
        assertEquals("Cosmic fungerar igen.", event.resolution());
    }

    private static FaultReport received() {
        Instant now = Instant.parse("2027-02-03T08:20:00Z");
        FaultReport.Draft draft = new FaultReport.Draft(
                "SE2321000230-1234",
                "Hälsocentralen Kiruna",
                "Anna Berg",
                "reception@hc-kiruna.example",
                null,
                "sv",
                "norrbotten",
                "cosmic",
                "Cosmic svarar inte alls",
                Level.HIGH,
                null);
        return FaultReport.receive(
                UUID.randomUUID(),
                "FR-2027-000123",
                draft,
                new Cover(Cover.Kind.OUTAGE, UUID.randomUUID(), "Cosmic svarar inte", now, null),
                new SlaPolicy.Due(now, now),
                now);
    }
}
