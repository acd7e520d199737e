package se.driftinfo.incident.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;

/** The rules of the outage aggregate that OutageEventsTest does not cover. */
class OutageRulesTest {

    private static final Instant T0 = Instant.parse("2027-02-03T08:20:00Z");

    @Test
    void aDeclaredOutageIsInvestigatedAtSequenceZeroWithTheDeclaringMessageOnItsTimeline() {
        Outage outage = declare();
        assertEquals(OutageStatus.INVESTIGATING, outage.status);
        assertEquals(0, outage.sequence);
        assertEquals(1, outage.updates.size());
        assertEquals("Vi felsöker.", outage.latestUpdate().message);
        assertEquals("operator", outage.latestUpdate().author);
        assertTrue(outage.isActive());
    }

    @Test
    void anOutageCoversItsOwnSystemsOfItsRegionUntilItIsResolved() {
        Outage outage = declare();
        assertTrue(outage.covers("norrbotten", "cosmic"));
        assertFalse(outage.covers("norrbotten", "takecare"));
        assertFalse(outage.covers("kronoberg", "cosmic"));
        outage.resolve("Åtgärdat", T0, "operator", T0);
        assertFalse(outage.covers("norrbotten", "cosmic"));
        assertFalse(outage.isActive());
        assertEquals(T0, outage.resolvedAt);
    }

    @Test
    void anUpdateMovesTheStatusAndAddsToTheTimelineButCannotResolve() {
        Outage outage = declare();
        outage.update(OutageStatus.MONITORING, "Ser bra ut", "lisa", T0.plusSeconds(60));
        assertEquals(OutageStatus.MONITORING, outage.status);
        assertEquals(1, outage.sequence);
        assertEquals(T0.plusSeconds(60), outage.updatedAt);
        assertEquals(
                List.of(OutageStatus.INVESTIGATING, OutageStatus.MONITORING),
                outage.updates.stream().map(u -> u.status).toList());

        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> outage.update(OutageStatus.RESOLVED, "Klart", "lisa", T0.plusSeconds(90)));
        assertEquals("status", e.field());
        assertEquals(OutageStatus.MONITORING, outage.status);
        assertEquals(1, outage.sequence);
        assertEquals(2, outage.updates.size());
    }

    @Test
    void aResolvedOutageCannotBeResolvedAgainAndItsTimelineStaysAsItWas() {
        Outage outage = declare();
        outage.resolve("Åtgärdat", T0, "operator", T0);
        int sequence = outage.sequence;
        assertThrows(ConflictException.class, () -> outage.resolve("Igen", T0, "operator", T0.plusSeconds(60)));
        assertEquals(sequence, outage.sequence);
        assertEquals(2, outage.updates.size());
        assertEquals(T0, outage.resolvedAt);
    }

    @Test
    void anOutageMayBeResolvedAtTheMomentItStarted() {
        Outage outage = declare();
        outage.resolve("Falsklarm", outage.startedAt, "operator", T0);
        assertEquals(OutageStatus.RESOLVED, outage.status);
    }

    private static Outage declare() {
        return Outage.declare(
                UUID.randomUUID(),
                "DS-2027-000043",
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
