package se.driftinfo.notifier.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.driftinfo.kit.domain.ConflictException;

class SubscriptionTest {

    static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

    @Test
    void confirmingIssuesAFeedTokenAndUnsubscribingRevokesIt() {
        Subscription s =
                Subscription.pending("Reception@HC.example", List.of("norrbotten"), List.of("cosmic"), "sv", NOW);
        assertEquals("reception@hc.example", s.email);
        assertEquals(Subscription.PENDING, s.status);
        assertNull(s.feedToken, "no feed before the address is confirmed");
        s.confirm(NOW);
        String token = s.feedToken;
        assertTrue(s.active());
        assertEquals(43, token.length(), "256 random bits, base64url");
        s.confirm(NOW.plusSeconds(5));
        assertEquals(token, s.feedToken, "confirming twice changes nothing");
        s.renewFeedToken();
        assertNotEquals(token, s.feedToken);
        s.unsubscribe(NOW);
        assertNull(s.feedToken);
        assertFalse(s.active());
        assertThrows(ConflictException.class, () -> s.confirm(NOW), "an old confirm link cannot revive it");
    }

    @Test
    void wantsWindowsOfItsRegionsAndSystems() {
        Subscription cosmic = Subscription.pending("a@hc.example", List.of("norrbotten"), List.of("cosmic"), "sv", NOW);
        assertTrue(cosmic.wants("norrbotten", ",cosmic,labportalen,"));
        assertFalse(cosmic.wants("norrbotten", ",labportalen,"));
        assertFalse(cosmic.wants("kronoberg", ",cosmic,"), "same system code in another region");
        Subscription everything = Subscription.pending("b@hc.example", List.of("dalarna"), List.of(), "en", NOW);
        assertTrue(everything.wants("dalarna", ",takecare,"));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(Subscription.token()));
        }
    }
}
