package se.driftinfo.incident.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.incident.ContractFields;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;

class OutageEventsTest {

    private static final Instant T0 = Instant.parse("2027-02-03T08:15:00Z");

    @Test
    void aDeclaredEventHasExactlyTheFieldsOfTheContractSample() {
        assertEquals(
                ContractFields.ofSample(EventTypes.OUTAGE_DECLARED),
                ContractFields.of(OutageEvents.toEvent(declare())));
    }

    @Test
    void everyChangeRaisesTheSequenceAndTheEventCarriesTheNewestUpdate() {
        Outage outage = declare();
        outage.update(OutageStatus.IDENTIFIED, "Nätverksfel", "operator", T0.plusSeconds(60));
        outage.resolve("Åtgärdat", T0.plusSeconds(90), "operator", T0.plusSeconds(120));
        OutageEventV1 event = OutageEvents.toEvent(outage);
        assertEquals(2, event.outage().sequence());
        assertEquals("RESOLVED", event.update().status());
        assertEquals(T0.plusSeconds(90), event.outage().resolvedAt());
        assertThrows(
                ConflictException.class,
                () -> outage.update(OutageStatus.MONITORING, "Igen", "operator", T0.plusSeconds(180)));
    }

    @Test
    void anOutageCannotBeResolvedBeforeItStartedOrInTheFuture() {
        Outage outage = declare();
        assertEquals(
                "resolvedAt",
                assertThrows(
                                InvalidFieldException.class,
                                () -> outage.resolve("x", T0.minusSeconds(3600), "operator", T0))
                        .field());
        assertEquals(
                "resolvedAt",
                assertThrows(
                                InvalidFieldException.class,
                                () -> outage.resolve("x", T0.plusSeconds(3600), "operator", T0))
                        .field());
    }

    private static Outage declare() {
        return Outage.declare(
                UUID.randomUUID(),
                "DS-2027-000042",
                "Cosmic svarar inte",
                "norrbotten",
                List.of("cosmic"),
                OutageImpact.OUTAGE,
                T0.minusSeconds(180),
                "Vi felsöker.",
                "operator",
                T0);
    }
}
