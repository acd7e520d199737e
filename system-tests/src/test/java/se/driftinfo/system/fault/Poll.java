package se.driftinfo.system.fault;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling: ask again every {@link #INTERVAL} until the answer is right or the time is up, then
 * fail naming what was awaited and the last answer. Never a bare sleep: a fault test waits exactly as
 * long as the system needs, and no longer than its bound. Long waits say every 15 s what they see.
 */
final class Poll {

    static final Duration INTERVAL = Duration.ofMillis(300);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(15).toNanos();

    private Poll() {}

    /** Waits until {@code done} holds for what {@code probe} returns; returns that answer. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long t0 = System.nanoTime();
        long nextReport = t0 + REPORT_EVERY_NANOS;
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            long now = System.nanoTime();
            if (now - t0 > timeout.toNanos()) {
                AssertionError failure = new AssertionError(what + ": not so within " + timeout.toSeconds()
                        + " s; last seen: " + (lastError != null ? lastError : describe(last)));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            if (now > nextReport) {
                FaultLog.line(
                        "  … still waiting (%d s) for %s; now: %s",
                        (now - t0) / 1_000_000_000, what, lastError != null ? lastError.getMessage() : describe(last));
                nextReport = now + REPORT_EVERY_NANOS;
            }
            pause(INTERVAL);
        }
    }

    /** Waits until {@code done} is true. */
    static void until(String what, Duration timeout, Supplier<Boolean> done) {
        until(what, timeout, done, Boolean.TRUE::equals);
    }

    /**
     * Checks that {@code probe}'s answer stays acceptable for the whole {@code period}: what should
     * not happen (a second mail, a retry) is given time to happen.
     */
    static <T> T holds(String what, Duration period, Supplier<T> probe, Predicate<T> ok) {
        long t0 = System.nanoTime();
        T last = probe.get();
        while (true) {
            if (!ok.test(last)) {
                throw new AssertionError(what + ": broken after "
                        + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms; seen: " + last);
            }
            if (System.nanoTime() - t0 > period.toNanos()) {
                return last;
            }
            pause(INTERVAL);
            last = probe.get();
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A map or a collection by its size (the suite's are of thousands of mails), anything else as it prints. */
    private static String describe(Object value) {
        if (value instanceof java.util.Map<?, ?> m) {
            return m.size() + " entries";
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.size() + " items";
        }
        return abbreviate(String.valueOf(value));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
