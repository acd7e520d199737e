package se.driftinfo.kit.ratelimit;

import java.time.Duration;

/**
 * A named rate limit is used up for a key. Thrown by {@link RateLimits}; the kit's problem mappers
 * answer 429 with {@code Retry-After}. Knows nothing of HTTP, so domain code may let it pass.
 */
public class TooManyRequestsException extends RuntimeException {

    private final String limit;
    private final Duration retryAfter;

    public TooManyRequestsException(String limit, Duration retryAfter) {
        super("Rate limit " + limit + " is used up; try again in " + wholeSeconds(retryAfter) + " s");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** The limit's name, for logs and metrics (not shown to clients). */
    public String limit() {
        return limit;
    }

    /** How long until the next request would be allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up and at least 1, as {@code Retry-After} carries it. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    private static long wholeSeconds(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
