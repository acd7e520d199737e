package se.driftinfo.notifier.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;

/** The outage read model takes snapshots by the kit's one rule: sequence first, then updatedAt. */
class OutageViewTest {

    static final UUID ID = UUID.randomUUID();
    static final Instant STARTED = Instant.parse("2027-02-03T08:12:00Z");

    @Test
    void lowerSequenceIsNotApplied() {
        OutageView view = OutageView.of(outage(2, "INVESTIGATING", STARTED.plusSeconds(60)));
        assertFalse(view.apply(outage(1, "OLDER", STARTED.plusSeconds(600))));
        assertEquals("INVESTIGATING", view.status);
    }

    @Test
    void onEqualSequenceTheLaterUpdateWins() {
        OutageView view = OutageView.of(outage(1, "INVESTIGATING", STARTED.plusSeconds(60)));
        assertFalse(view.apply(outage(1, "EARLIER", STARTED.plusSeconds(30))), "same sequence, earlier update");
        assertEquals("INVESTIGATING", view.status);
        assertTrue(view.apply(outage(1, "LATER", STARTED.plusSeconds(90))));
        assertEquals("LATER", view.status);
        assertTrue(view.apply(outage(1, "LATER", STARTED.plusSeconds(90))), "the same snapshot again changes nothing");
    }

    @Test
    void anOutageNeverUpdatedCountsAsChangedWhenItStarted() {
        OutageView view = OutageView.of(outage(0, "INVESTIGATING", null));
        assertEquals(STARTED, view.updatedAt);
        assertTrue(view.apply(outage(0, "IDENTIFIED", STARTED)));
        assertTrue(view.apply(outage(1, "RESOLVED", null)));
        assertEquals("RESOLVED", view.status);
    }

    static OutageV1 outage(int sequence, String status, Instant updatedAt) {
        return new OutageV1(
                ID,
                "DS-2027-000042",
                "Cosmic svarar inte",
                "norrbotten",
                List.of("cosmic"),
                "OUTAGE",
                status,
                STARTED,
                null,
                sequence,
                updatedAt);
    }
}
