package se.driftinfo.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

    @Test
    void failedAttemptsBackOffDoublingUpToTheCap() {
        Delivery d = new Delivery();
        d.status = Delivery.PENDING;
        Duration base = Duration.ofSeconds(10);
        Duration cap = Duration.ofMinutes(1);
        d.failed("Connection refused", NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(10), d.nextAttemptAt);
        d.failed("Connection refused", NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(20), d.nextAttemptAt);
        d.failed("Connection refused", NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(40), d.nextAttemptAt);
        d.failed("Connection refused", NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(60), d.nextAttemptAt, "capped");
        assertEquals(Delivery.PENDING, d.status);
        assertEquals(4, d.attempts);
    }

    @Test
    void givesUpAfterTheLastAttemptAndKeepsTheRow() {
        Delivery d = new Delivery();
        d.status = Delivery.PENDING;
        d.failed("550 mailbox unavailable", NOW, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        assertEquals(Delivery.PENDING, d.status);
        d.failed("550 mailbox unavailable", NOW, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        assertEquals(Delivery.FAILED, d.status);
        assertEquals("550 mailbox unavailable", d.lastError);
    }
}
