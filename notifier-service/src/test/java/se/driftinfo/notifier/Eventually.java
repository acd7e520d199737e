package se.driftinfo.notifier;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds: consumers and the mail sender work asynchronously. */
public final class Eventually {

    private Eventually() {}

    public static <T> T until(Duration timeout, String what, Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = value.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last value: " + last);
    }
}
