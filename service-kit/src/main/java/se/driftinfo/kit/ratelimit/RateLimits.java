package se.driftinfo.kit.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Token-bucket rate limits by name and key, configured in {@link RateLimitConfig}:
 *
 * <pre>{@code
 * rateLimits.check("fault-report-form", clientAddress.get());   // per client
 * rateLimits.check("subscription-mail", email);                  // per recipient
 * }</pre>
 *
 * <p>Buckets live in this replica's memory, at most {@code max-keys} per limit (least recently used
 * forgotten first). The limits are therefore <b>per replica</b>: behind a load balancer with N replicas
 * a client may get up to N times the capacity, and a restart forgets every bucket. That is enough to
 * stop a script hammering a form; it is not a quota.
 */
@ApplicationScoped
public class RateLimits {

    private final Map<String, Limiter> limiters;

    @Inject
    public RateLimits(RateLimitConfig config) {
        this(config, TimeMeter.SYSTEM_NANOTIME);
    }

    /** @param time the clock buckets refill by (a test moves it by hand) */
    RateLimits(RateLimitConfig config, TimeMeter time) {
        Map<String, Limiter> byName = new TreeMap<>();
        config.limits().forEach((name, limit) -> byName.put(name, new Limiter(name, limit, time)));
        this.limiters = Collections.unmodifiableMap(byName);
    }

    /**
     * Takes one request from {@code key}'s bucket of the named limit.
     *
     * @param limit a name configured under {@code driftinfo.rate-limits}
     * @param key whom the limit counts: a client address, a recipient address
     * @throws TooManyRequestsException when the bucket is empty, with how long until it is not
     * @throws IllegalArgumentException when no such limit is configured (a programming error)
     */
    public void check(String limit, String key) {
        Limiter limiter = limiters.get(limit);
        if (limiter == null) {
            throw new IllegalArgumentException("No rate limit named '" + limit + "' is configured: set driftinfo"
                    + ".rate-limits.\"" + limit + "\".capacity and .period (configured: " + limiters.keySet() + ")");
        }
        limiter.take(Objects.requireNonNull(key, "rate limit key"));
    }

    private static final class Limiter {

        private final String name;
        private final Bandwidth bandwidth;
        private final TimeMeter time;
        private final Cache<String, Bucket> buckets;

        Limiter(String name, RateLimitConfig.Limit limit, TimeMeter time) {
            if (limit.capacity() < 1
                    || limit.period().isNegative()
                    || limit.period().isZero()
                    || limit.maxKeys() < 1) {
                throw new IllegalArgumentException("Rate limit '" + name
                        + "' needs capacity >= 1, a positive period and max-keys >= 1; got capacity="
                        + limit.capacity() + ", period=" + limit.period() + ", max-keys=" + limit.maxKeys());
            }
            this.name = name;
            this.time = time;
            this.bandwidth = Bandwidth.builder()
                    .capacity(limit.capacity())
                    .refillGreedy(limit.capacity(), limit.period())
                    .build();
            // A bucket untouched for a whole period is full again: forgetting it then loses nothing.
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(limit.maxKeys())
                    .expireAfterAccess(limit.period())
                    .ticker(time::currentTimeNanos)
                    .executor(Runnable::run)
                    .build();
        }

        void take(String key) {
            Bucket bucket = buckets.get(key, k -> Bucket.builder()
                    .addLimit(bandwidth)
                    .withCustomTimePrecision(time)
                    .build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw new TooManyRequestsException(name, Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }

        long keys() {
            buckets.cleanUp();
            return buckets.estimatedSize();
        }
    }

    /** How many keys the named limit remembers now (for tests of the bound). */
    long keysHeld(String limit) {
        return limiters.get(limit).keys();
    }
}
