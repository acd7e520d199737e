package se.driftinfo.notifier.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.notifier.Csv;

/**
 * A clinic's subscription: an address, the regions and systems it uses, a language. Double opt-in:
 * it starts PENDING and mails nothing but the confirmation until confirmed. Confirming issues the
 * private feed token; unsubscribing (one click) stops mail and revokes the feed.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    public UUID id;

    public String email;

    /** Region codes, stored as {@code ,a,b,}. */
    public String regions;

    /** System codes, stored as {@code ,a,b,}; empty means every system of the regions. */
    public String systems;

    public String language;

    public String status;

    @Column(name = "confirm_token")
    public String confirmToken;

    @Column(name = "unsubscribe_token")
    public String unsubscribeToken;

    @Column(name = "feed_token")
    public String feedToken;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    public static Subscription pending(
            String email, List<String> regions, List<String> systems, String language, Instant now) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.email = email.trim().toLowerCase();
        s.regions = Csv.join(regions);
        s.systems = Csv.join(systems);
        s.language = language;
        s.status = PENDING;
        s.confirmToken = token();
        s.unsubscribeToken = token();
        s.createdAt = now;
        return s;
    }

    /** Confirms the address; confirming twice is harmless. An unsubscribed address must subscribe anew. */
    public void confirm(Instant now) {
        if (UNSUBSCRIBED.equals(status)) {
            throw new ConflictException("This subscription was cancelled; subscribe again");
        }
        if (PENDING.equals(status)) {
            status = ACTIVE;
            confirmedAt = now;
            feedToken = token();
        }
    }

    /** One-click unsubscribe: idempotent, and the private feed stops working at once. */
    public void unsubscribe(Instant now) {
        if (!UNSUBSCRIBED.equals(status)) {
            status = UNSUBSCRIBED;
            unsubscribedAt = now;
        }
        feedToken = null;
    }

    /** Replaces the private feed token; the old feed address stops working. */
    public void renewFeedToken() {
        if (!ACTIVE.equals(status)) {
            throw new ConflictException("Only a confirmed subscription has a feed");
        }
        feedToken = token();
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

    /** 256 random bits, URL-safe: unguessable, so the token alone may authorise. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
