package se.driftinfo.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one "newer snapshot wins" rule every read model uses. */
class SnapshotTest {

    static final Instant NOON = Instant.parse("2027-01-20T12:00:00Z");
    static final Instant LATER = NOON.plusSeconds(60);

    @Test
    void higherSequenceWinsWhateverTheTimestamps() {
        assertTrue(new Snapshot(3, NOON).replaces(new Snapshot(2, LATER)));
        assertFalse(new Snapshot(2, LATER).replaces(new Snapshot(3, NOON)));
    }

    @Test
    void onEqualSequenceTheLaterUpdateWins() {
        assertTrue(new Snapshot(2, LATER).replaces(new Snapshot(2, NOON)));
        assertFalse(new Snapshot(2, NOON).replaces(new Snapshot(2, LATER)));
    }

    @Test
    void anOlderSnapshotLoses() {
        assertFalse(new Snapshot(1, NOON).replaces(new Snapshot(2, NOON)));
    }

    @Test
    void anEqualSnapshotIsTakenAgain() {
        assertTrue(new Snapshot(2, NOON).replaces(new Snapshot(2, NOON)));
    }

    @Test
    void anythingReplacesNothingHeld() {
        assertTrue(new Snapshot(0, null).replaces(null));
    }

    @Test
    void aMissingUpdatedAtCountsAsTheEarliest() {
        assertTrue(new Snapshot(2, NOON).replaces(new Snapshot(2, null)));
        assertFalse(new Snapshot(2, null).replaces(new Snapshot(2, NOON)));
        assertTrue(new Snapshot(2, null).replaces(new Snapshot(2, null)));
        assertTrue(new Snapshot(3, null).replaces(new Snapshot(2, NOON)));
    }
}
