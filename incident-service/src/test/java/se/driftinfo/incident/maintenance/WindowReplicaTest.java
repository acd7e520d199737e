package se.driftinfo.incident.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/** The replica follows the kit's snapshot rule: a higher sequence wins, then a later updatedAt. */
class WindowReplicaTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant T = Instant.parse("2027-02-03T08:20:00Z");

    @Test
    void anOlderSequenceNeverReplacesANewerOneEvenWithALaterClock() {
        WindowReplica replica = new WindowReplica();
        assertTrue(replica.replaceWith(window(2, "CANCELLED", T)));
        assertFalse(replica.replaceWith(window(1, "SCHEDULED", T.plusSeconds(60))));
        assertEquals("CANCELLED", replica.status);
        assertEquals(2, replica.sequence);
    }

    @Test
    void onEqualSequenceTheLaterStateWinsAndARedeliveryIsTakenAgain() {
        WindowReplica replica = new WindowReplica();
        replica.replaceWith(window(1, "SCHEDULED", T));
        assertFalse(replica.replaceWith(window(1, "CANCELLED", T.minusSeconds(1))));
        assertTrue(replica.replaceWith(window(1, "SCHEDULED", T)));
        assertTrue(replica.replaceWith(window(1, "CANCELLED", T.plusSeconds(1))));
        assertEquals("CANCELLED", replica.status);
        assertTrue(replica.replaceWith(window(3, "SCHEDULED", T)));
        assertEquals("SCHEDULED", replica.status);
        assertEquals(ID, replica.window().id());
    }

    private static WindowV1 window(int sequence, String status, Instant updatedAt) {
        LocalDateTime start = LocalDateTime.parse("2027-02-10T17:00");
        return new WindowV1(
                ID,
                sequence,
                "Omstart Cosmic",
                null,
                "norrbotten",
                List.of("cosmic"),
                "Europe/Stockholm",
                start,
                start.plusHours(2),
                null,
                status,
                List.of(),
                null,
                updatedAt);
    }
}
