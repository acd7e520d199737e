package se.driftinfo.incident.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.incident.ContractFields;
import se.driftinfo.incident.cover.Cover;
import se.driftinfo.incident.sla.SlaPolicy;
import se.driftinfo.incident.triage.Level;

class ReportEventsTest {

    @Test
    void aReceivedEventHasExactlyTheFieldsOfTheContractSample() {
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
        FaultReport report = FaultReport.receive(
                UUID.randomUUID(),
                "FR-2027-000123",
                draft,
                new Cover(Cover.Kind.OUTAGE, UUID.randomUUID(), "Cosmic svarar inte", now, null),
                new SlaPolicy.Due(now, now),
                now);
        assertEquals(
                ContractFields.ofSample(EventTypes.FAULT_REPORT_RECEIVED),
                ContractFields.of(ReportEvents.toEvent(report)));
    }
}
