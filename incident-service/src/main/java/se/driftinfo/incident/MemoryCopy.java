package se.driftinfo.incident;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A copy of rarely changing database state held in memory, so that reports need not ask the database for it.
 * It is read again at once after {@link #changed()} (a change this replica made or consumed), and at least
 * every {@code refresh} for changes another replica made. Read in the caller's context, so no second
 * connection is taken while the caller may hold one. When it is merely old, one caller reads it again
 * while the others go on with the copy they have: under load every request would otherwise read it at once.
 */
public final class MemoryCopy<T> {

    private record Loaded<T>(T value, long generation, long atNanos) {}

    private final Supplier<T> reader;
    private final long refreshNanos;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Loaded<T> loaded;

    public MemoryCopy(Supplier<T> reader, Duration refresh) {
        this.reader = reader;
        this.refreshNanos = refresh.toNanos();
    }

    public T get() {
        Loaded<T> now = loaded;
        if (now == null || now.generation() != generation.get()) {
            return load().value();
        }
        if (System.nanoTime() - now.atNanos() > refreshNanos && refreshing.compareAndSet(false, true)) {
            try {
                return load().value();
            } finally {
                refreshing.set(false);
            }
        }
        return now.value();
    }

    /** What the copy holds changed (or is about to): the next caller reads it again. */
    public void changed() {
        generation.incrementAndGet();
    }

    private Loaded<T> load() {
        long seen = generation.get();
        long at = System.nanoTime();
        // A change counted while this is read makes it stale at once: the next call reads again.
        Loaded<T> fresh = new Loaded<>(reader.get(), seen, at);
        loaded = fresh;
        return fresh;
    }
}
