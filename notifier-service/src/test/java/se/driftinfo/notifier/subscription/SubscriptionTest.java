package se.driftinfo.notifier.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.notifier.subscription.Subscription.ConfirmLink;

class SubscriptionTest {

    static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");
    static final Duration PENDING_FOR = Duration.ofHours(48);

    @Test
    void confirmingIssuesAFeedTokenAndUnsubscribingRevokesIt() {
        Subscription s =
                Subscription.pending("Reception@HC.example", List.of("norrbotten"), List.of("cosmic"), "sv", NOW);
        assertEquals("reception@hc.example", s.email);
        assertEquals(Subscription.PENDING, s.status);
        assertNull(s.feedToken, "no feed before the address is confirmed");
        assertNull(s.feedTokenHash);
        assertEquals(ConfirmLink.VALID, s.confirm(NOW, PENDING_FOR));
        String token = s.feedToken;
        assertTrue(s.active());
        assertEquals(43, token.length(), "256 random bits, base64url");
        assertEquals(Tokens.hash(token), s.feedTokenHash, "only the hash is stored");
        assertEquals(ConfirmLink.USED, s.confirm(NOW.plusSeconds(5), PENDING_FOR), "the link works once");
        assertEquals(Tokens.hash(token), s.feedTokenHash, "confirming twice changes nothing");
        s.renewFeedToken();
        assertNotEquals(token, s.feedToken);
        assertEquals(Tokens.hash(s.feedToken), s.feedTokenHash);
        s.unsubscribe(NOW);
        assertNull(s.feedToken);
        assertNull(s.feedTokenHash);
        assertFalse(s.active());
        assertEquals(ConfirmLink.CANCELLED, s.confirm(NOW, PENDING_FOR), "an old confirm link cannot revive it");
        assertFalse(s.active());
    }

    @Test
    void confirmingRecordsWhenAndAPendingSubscriptionHasNoFeedToRenew() {
        Subscription s = Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "sv", NOW);
        assertThrows(ConflictException.class, s::renewFeedToken, "no feed before confirmation");
        assertNull(s.feedToken);
        s.confirm(NOW.plusSeconds(60), PENDING_FOR);
        assertEquals(Subscription.ACTIVE, s.status);
        assertEquals(NOW.plusSeconds(60), s.confirmedAt);
        s.confirm(NOW.plusSeconds(120), PENDING_FOR);
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
        s.confirm(NOW, PENDING_FOR);
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
            assertTrue(seen.add(Tokens.random()));
        }
    }

    @Test
    @DisplayName(
            "gap 14: the confirmation and manage tokens are kept only as hashes; the plain ones exist for the mail")
    void aNewSubscriptionKeepsOnlyHashesOfItsTokens() {
        Subscription s = Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "sv", NOW);
        assertEquals(43, s.confirmToken.length());
        assertEquals(Tokens.hash(s.confirmToken), s.confirmTokenHash);
        assertEquals(Tokens.hash(s.manageToken), s.manageTokenHash);
        assertNotEquals(s.confirmToken, s.manageToken);
        assertEquals(64, s.confirmTokenHash.length(), "hex SHA-256");
        assertNull(s.legacyUnsubscribeTokenHash, "the unsubscribe token is derived, not stored");
    }

    @Test
    @DisplayName("gap 14: an unconfirmed subscription expires; its link then confirms nothing")
    void aPendingSubscriptionCannotBeConfirmedAfterItExpired() {
        Subscription s = Subscription.pending("a@hc.example", List.of("norrbotten"), List.of(), "sv", NOW);
        assertEquals(ConfirmLink.VALID, s.confirmLink(NOW.plus(PENDING_FOR).minusSeconds(1), PENDING_FOR));
        assertEquals(ConfirmLink.EXPIRED, s.confirm(NOW.plus(PENDING_FOR), PENDING_FOR));
        assertEquals(Subscription.PENDING, s.status);
        assertNull(s.feedTokenHash, "no feed for an expired subscription");
    }

    @Test
    void tokensAreHashedAsTheMigrationHashesThem() {
        // encode(sha256(convert_to('abc', 'UTF8')), 'hex') in PostgreSQL
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
    }
}
