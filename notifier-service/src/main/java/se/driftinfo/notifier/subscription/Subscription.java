package se.driftinfo.notifier.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.notifier.Csv;

/**
 * A clinic's subscription: an address, the regions and systems it uses, a language. Double opt-in:
 * it starts PENDING and mails nothing but the confirmation until confirmed, within {@code
 * pendingFor} of asking; the confirmation link works once. Confirming issues the private feed
 * token; unsubscribing (one click) stops mail and revokes the feed.
 *
 * <p>Only hashes of the tokens are stored ({@link Tokens}). The plain tokens exist only in the
 * request that issues them: {@link #confirmToken} and {@link #manageToken} for the confirmation mail,
 * {@link #feedToken} for the page that shows the feed address. The unsubscribe token is derived from
 * the id ({@link UnsubscribeTokens}), since every mail carries it.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";

    /** What a confirmation link does now. */
    public enum ConfirmLink {
        /** Confirms the address (or did, when returned by {@link #confirm}). */
        VALID,
        /** Already used: the subscription is active. */
        USED,
        /** Not used in time; the address must subscribe again. */
        EXPIRED,
        /** The subscription was cancelled through the unsubscribe link. */
        CANCELLED
    }

    @Id
    public UUID id;

    public String email;

    /** Region codes, stored as {@code ,a,b,}. */
    public String regions;

    /** System codes, stored as {@code ,a,b,}; empty means every system of the regions. */
    public String systems;

    public String language;

    public String status;

    @Column(name = "confirm_token_hash")
    public String confirmTokenHash;

    /** Only subscriptions made before tokens were hashed; newer ones derive their unsubscribe token. */
    @Column(name = "unsubscribe_token_hash")
    public String legacyUnsubscribeTokenHash;

    @Column(name = "feed_token_hash")
    public String feedTokenHash;

    /** Renews the private feed (issue #15, gap 15): mailed only in the confirmation mail. */
    @Column(name = "manage_token_hash")
    public String manageTokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    /** The confirmation link's token, in the request that subscribed; never stored. */
    @Transient
    public String confirmToken;

    /** The manage link's token, in the request that subscribed; never stored. */
    @Transient
    public String manageToken;

    /** The private feed's token, right after it was issued; never stored. */
    @Transient
    public String feedToken;

    public static Subscription pending(
            String email, List<String> regions, List<String> systems, String language, Instant now) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.email = email.trim().toLowerCase();
        s.regions = Csv.join(regions);
        s.systems = Csv.join(systems);
        s.language = language;
        s.status = PENDING;
        s.confirmToken = Tokens.random();
        s.confirmTokenHash = Tokens.hash(s.confirmToken);
        s.manageToken = Tokens.random();
        s.manageTokenHash = Tokens.hash(s.manageToken);
        s.createdAt = now;
        return s;
    }

    /** What the confirmation link would do at {@code now}, if unconfirmed subscriptions last {@code pendingFor}. */
    public ConfirmLink confirmLink(Instant now, Duration pendingFor) {
        if (UNSUBSCRIBED.equals(status)) {
            return ConfirmLink.CANCELLED;
        }
        if (ACTIVE.equals(status)) {
            return ConfirmLink.USED;
        }
        return expired(now, pendingFor) ? ConfirmLink.EXPIRED : ConfirmLink.VALID;
    }

    /**
     * Confirms the address if the link is still {@link ConfirmLink#VALID}: once, and only in time.
     * Anything else changes nothing and says why.
     */
    public ConfirmLink confirm(Instant now, Duration pendingFor) {
        ConfirmLink link = confirmLink(now, pendingFor);
        if (link == ConfirmLink.VALID) {
            status = ACTIVE;
            confirmedAt = now;
            issueFeedToken();
        }
        return link;
    }

    /** An unconfirmed subscription older than {@code pendingFor} can no longer be confirmed. */
    public boolean expired(Instant now, Duration pendingFor) {
        return PENDING.equals(status) && !now.isBefore(createdAt.plus(pendingFor));
    }

    /** One-click unsubscribe: idempotent, and the private feed stops working at once. */
    public void unsubscribe(Instant now) {
        if (!UNSUBSCRIBED.equals(status)) {
            status = UNSUBSCRIBED;
            unsubscribedAt = now;
        }
        feedTokenHash = null;
        feedToken = null;
    }

    /** Replaces the private feed token; the old feed address stops working. */
    public void renewFeedToken() {
        if (!ACTIVE.equals(status)) {
            throw new ConflictException("Only a confirmed subscription has a feed");
        }
        issueFeedToken();
    }

    private void issueFeedToken() {
        feedToken = Tokens.random();
        feedTokenHash = Tokens.hash(feedToken);
    }

    /** Mail and pages speak Swedish unless the subscriber chose English. */
    public boolean inSwedish() {
        return !"en".equals(language);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** Does something in {@code region} touching {@code storedSystems} ({@code ,a,b,}) concern this subscriber? */
    public boolean wants(String region, String storedSystems) {
        return wants(regions, systems, region, storedSystems);
    }

    /**
     * Does something in {@code region} touching {@code storedSystems} concern a subscriber who chose
     * {@code regions} and {@code systems} (all three as stored, {@code ,a,b,})?
     */
    public static boolean wants(String regions, String systems, String region, String storedSystems) {
        if (!Csv.contains(regions, region)) {
            return false;
        }
        List<String> mine = Csv.split(systems);
        return mine.isEmpty() || mine.stream().anyMatch(s -> Csv.contains(storedSystems, s));
    }

    public List<String> regionList() {
        return Csv.split(regions);
    }

    public List<String> systemList() {
        return Csv.split(systems);
    }
}
