package se.driftinfo.kit.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/**
 * Named rate limits, one token bucket per limit and key (a client address, a recipient):
 * {@code driftinfo.rate-limits."fault-report-form".capacity=5} and {@code ….period=PT10M}. Limits are
 * held in memory on each replica, so with N replicas a client may get up to N times the capacity.
 */
@ConfigMapping(prefix = "driftinfo.rate-limits")
public interface RateLimitConfig {

    /** The limits by name, as {@link RateLimits#check(String, String)} names them. */
    @WithParentName
    Map<String, Limit> limits();

    /** One named limit. */
    interface Limit {

        /** How many requests a key may make at once (the bucket's size); at least 1. */
        int capacity();

        /**
         * In how long a whole {@code capacity} is earned back. Refill is greedy: with capacity 6 and
         * period PT1M, one more request is allowed every 10 seconds.
         */
        Duration period();

        /**
         * How many keys' buckets this replica remembers; the least recently used are forgotten beyond
         * it, so a flood of distinct keys cannot grow memory without bound. A forgotten key starts
         * with a full bucket.
         */
        @WithDefault("10000")
        int maxKeys();
    }
}
