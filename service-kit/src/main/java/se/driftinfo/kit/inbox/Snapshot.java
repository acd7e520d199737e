package se.driftinfo.kit.inbox;

import java.time.Instant;

/**
 * The version of an event-carried snapshot (a whole window or outage after a change). Events can be
 * redelivered or replayed out of order, so a read model takes a snapshot only if it is not older than
 * the one it holds. One rule for every read model: the higher {@code sequence} wins; on equal
 * sequence, the later {@code updatedAt}; an equal snapshot is taken again (it changes nothing).
 *
 * @param sequence rises on every change of the aggregate
 * @param updatedAt when the aggregate last changed; null counts as the earliest
 */
public record Snapshot(long sequence, Instant updatedAt) {

    /** Whether a read model holding {@code held} (null: nothing yet) should take this snapshot. */
    public boolean replaces(Snapshot held) {
        if (held == null) {
            return true;
        }
        if (sequence != held.sequence) {
            return sequence > held.sequence;
        }
        return !orEpoch(updatedAt).isBefore(orEpoch(held.updatedAt));
    }

    private static Instant orEpoch(Instant at) {
        return at == null ? Instant.EPOCH : at;
    }
}
