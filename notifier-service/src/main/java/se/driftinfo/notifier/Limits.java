package se.driftinfo.notifier;

/**
 * The notifier's named rate limits (the kit's {@code RateLimits}; capacity and period per name in
 * application.properties, {@code driftinfo.rate-limits."<name>".*}). Issue #15, gap 11.
 */
public final class Limits {

    /** Subscribe requests per client address, on the page's form and the API alike. */
    public static final String SUBSCRIBE = "subscribe";

    /**
     * Confirmation mails per recipient address: a stranger cannot mail-bomb an address by asking for
     * it again and again, from however many clients.
     */
    public static final String CONFIRMATION_MAIL = "subscription-mail";

    /**
     * Unknown tokens per client address on the link pages and private feeds. Only misses count, so a
     * mail scanner or a calendar service that fetches many valid links from one address is never
     * slowed; a client guessing tokens is.
     */
    public static final String TOKEN_MISSES = "subscription-token-misses";

    private Limits() {}
}
