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
    void confirmingRecordsWhenAndAPendingSubscriptionHasNoFeedToRenew() {
        Subscription s = Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "sv", NOW);
        assertThrows(ConflictException.class, s::renewFeedToken, "no feed before confirmation");
        assertNull(s.feedToken);
        s.confirm(NOW.plusSeconds(60));
        assertEquals(Subscription.ACTIVE, s.status);
        assertEquals(NOW.plusSeconds(60), s.confirmedAt);
        s.confirm(NOW.plusSeconds(120));
        assertEquals(NOW.plusSeconds(60), s.confirmedAt, "a second confirm keeps the first time");
    }

    @Test
    void unsubscribingIsIdempotentAndWorksBeforeConfirmation() {
        Subscription pending = Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "sv", NOW);
        pending.unsubscribe(NOW.plusSeconds(1));
        assertEquals(Subscription.UNSUBSCRIBED, pending.status);
        pending.unsubscribe(NOW.plusSeconds(2));
        assertEquals(NOW.plusSeconds(1), pending.unsubscribedAt, "the first click counts");
        assertThrows(ConflictException.class, pending::renewFeedToken, "an ended subscription has no feed");
        assertNull(pending.feedToken);
    }

    @Test
    void renewingTheFeedTokenIssuesAFreshOneEachTime() {
        Subscription s = Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "en", NOW);
        s.confirm(NOW);
        Set<String> tokens = new HashSet<>(List.of(s.feedToken));
        for (int i = 0; i < 5; i++) {
            s.renewFeedToken();
            assertTrue(tokens.add(s.feedToken), "a renewed token is new");
        }
        assertTrue(s.active());
    }

    @Test
    void mailAndPagesAreSwedishUnlessEnglishWasChosen() {
        assertTrue(Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "sv", NOW)
                .inSwedish());
        assertFalse(Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "en", NOW)
                .inSwedish());
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
