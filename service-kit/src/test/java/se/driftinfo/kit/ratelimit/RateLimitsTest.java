package se.driftinfo.kit.ratelimit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token buckets by name and key, on a clock the test moves by hand. */
class RateLimitsTest {

    private final ManualTime time = new ManualTime();
    private final RateLimits limits = new RateLimits(
            config(Map.of("form", limit(3, Duration.ofMinutes(1), 10_000), "tiny", limit(1, Duration.ofHours(1), 100))),
            time);

    @Test
    void theRequestAfterTheCapacityIsRefusedWithHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            limits.check("form", "192.0.2.1");
        }
        TooManyRequestsException refused =
                assertThrows(TooManyRequestsException.class, () -> limits.check("form", "192.0.2.1"));
        assertEquals("form", refused.limit());
        // Greedy refill: one request every 20 s at 3 per minute.
        assertEquals(Duration.ofSeconds(20), refused.retryAfter());
        assertEquals(20, refused.retryAfterSeconds());
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limits.check("form", "192.0.2.1");
        }
        assertThrows(TooManyRequestsException.class, () -> limits.check("form", "192.0.2.1"));
        assertDoesNotThrow(() -> limits.check("form", "192.0.2.2"));
        assertDoesNotThrow(() -> limits.check("tiny", "192.0.2.1"), "another limit counts separately");
    }

    @Test
    void theBucketRefillsOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            limits.check("form", "192.0.2.1");
        }
        time.advance(Duration.ofSeconds(19));
        TooManyRequestsException refused =
                assertThrows(TooManyRequestsException.class, () -> limits.check("form", "192.0.2.1"));
        assertEquals(1, refused.retryAfterSeconds(), "a second to go, never 0");
        time.advance(Duration.ofSeconds(1));
        limits.check("form", "192.0.2.1");
        assertThrows(TooManyRequestsException.class, () -> limits.check("form", "192.0.2.1"));
        time.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            limits.check("form", "192.0.2.1");
        }
    }

    @Test
    void aFloodOfDistinctKeysIsBoundedByMaxKeys() {
        for (int i = 0; i < 5_000; i++) {
            limits.check("tiny", "client-" + i);
        }
        long held = limits.keysHeld("tiny");
        assertTrue(held <= 100, held + " buckets held");
    }

    @Test
    void anUnknownLimitIsAProgrammingErrorNamingTheProperty() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> limits.check("fomr", "192.0.2.1"));
        assertTrue(e.getMessage().contains("driftinfo.rate-limits.\"fomr\".capacity"), e.getMessage());
        assertTrue(e.getMessage().contains("[form, tiny]"), e.getMessage());
    }

    @Test
    void aLimitWithoutCapacityIsRefusedAtStartUp() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new RateLimits(config(Map.of("broken", limit(0, Duration.ofMinutes(1), 10))), time));
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
    }

    static RateLimitConfig config(Map<String, RateLimitConfig.Limit> limits) {
        return () -> limits;
    }

    static RateLimitConfig.Limit limit(int capacity, Duration period, int maxKeys) {
        return new RateLimitConfig.Limit() {
            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public Duration period() {
                return period;
            }

            @Override
            public int maxKeys() {
                return maxKeys;
            }
        };
    }

    static final class ManualTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration d) {
            nanos += d.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
