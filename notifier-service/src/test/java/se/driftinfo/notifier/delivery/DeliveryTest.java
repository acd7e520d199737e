package se.driftinfo.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

    @Test
    void failedAttemptsBackOffDoublingUpToTheCap() {
        Delivery d = new Delivery();
        d.status = Delivery.PENDING;
        Duration base = Duration.ofSeconds(10);
        Duration cap = Duration.ofMinutes(1);
        d.failed("Connection refused", false, NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(10), d.nextAttemptAt);
        d.failed("Connection refused", false, NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(20), d.nextAttemptAt);
        d.failed("Connection refused", false, NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(40), d.nextAttemptAt);
        d.failed("Connection refused", false, NOW, base, cap, 50);
        assertEquals(NOW.plusSeconds(60), d.nextAttemptAt, "capped");
        assertEquals(Delivery.PENDING, d.status);
        assertEquals(4, d.attempts);
    }

    @Test
    void givesUpAfterTheLastAttemptAndKeepsTheRow() {
        Delivery d = new Delivery();
        d.status = Delivery.PENDING;
        d.failed("451 try again later", false, NOW, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        assertEquals(Delivery.PENDING, d.status);
        d.failed("451 try again later", false, NOW, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        assertEquals(Delivery.FAILED, d.status);
        assertEquals("451 try again later", d.lastError);
    }

    @Test
    @DisplayName("gap 5: a permanent refusal (5xx) gives up at once, with the server's answer kept")
    void aPermanentRefusalGivesUpAtOnce() {
        Delivery d = new Delivery();
        d.status = Delivery.PENDING;
        d.failed("550 5.1.1 mailbox unavailable", true, NOW, Duration.ofSeconds(10), Duration.ofMinutes(1), 50);
        assertEquals(Delivery.FAILED, d.status);
        assertEquals(1, d.attempts);
        assertEquals("550 5.1.1 mailbox unavailable", d.lastError);
    }

    @Test
    void aSentOrCancelledMailKeepsNoContentSinceItsLinksCarryTokens() {
        Delivery d = new Delivery();
        d.status = Delivery.PENDING;
        d.textBody = "Bekräfta här: https://driftinfo.se/subscriptions/confirm/abc";
        d.htmlBody = "<a href=\"https://driftinfo.se/subscriptions/confirm/abc\">";
        d.unsubscribeUrl = "https://driftinfo.se/subscriptions/unsubscribe/def";
        d.sent(NOW);
        assertEquals(Delivery.SENT, d.status);
        assertEquals("", d.textBody);
        assertEquals("", d.htmlBody);
        assertEquals(null, d.unsubscribeUrl);
        Delivery cancelled = new Delivery();
        cancelled.status = Delivery.PENDING;
        cancelled.textBody = "x";
        cancelled.cancel();
        assertEquals(Delivery.CANCELLED, cancelled.status);
        assertEquals("", cancelled.textBody);
    }

    @Test
    void aSubjectIsOneLineWhateverTheTitleHolds() {
        RenderedMail mail = new RenderedMail(
                MailKind.WINDOW_SCHEDULED,
                "Planerat underhåll: x\r\nBcc: alla@example.se\u0000",
                "t",
                "h",
                null,
                null,
                null);
        assertEquals("Planerat underhåll: x Bcc: alla@example.se", mail.subject());
    }
}
