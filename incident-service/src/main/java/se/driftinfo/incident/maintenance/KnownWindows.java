package se.driftinfo.incident.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.incident.IncidentConfig;

/**
 * The scheduled maintenance windows held in memory, by region: every report asks whether a window covers
 * it, and reading (and parsing) the region's windows from the database for each one was a round trip per
 * report. Read again when this replica's consumer changed a window and at least every
 * {@code window-refresh}, which covers the changes another replica of the service consumed.
 */
@ApplicationScoped
public class KnownWindows {

    /** This replica's consumer changed a window; fired in the consumer's transaction. */
    public record Changed(UUID window) {}

    private record Loaded(Map<String, List<WindowV1>> byRegion, long generation, long atNanos) {}

    private final WindowRepository repository;
    private final long refreshNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Loaded loaded;

    public KnownWindows(WindowRepository repository, IncidentConfig config) {
        this.repository = repository;
        this.refreshNanos = config.windowRefresh().toNanos();
    }

    /** The scheduled windows of a region (any system); few enough per region to filter in memory. */
    public List<WindowV1> scheduledIn(String region) {
        Loaded now = loaded;
        if (now == null || now.generation() != generation.get() || System.nanoTime() - now.atNanos() > refreshNanos) {
            now = load();
        }
        return now.byRegion().getOrDefault(region, List.of());
    }

    /** In the caller's context: no second connection is taken while the caller may hold one. */
    private Loaded load() {
        long seen = generation.get();
        long at = System.nanoTime();
        Map<String, List<WindowV1>> byRegion = repository.scheduled().stream()
                .map(WindowReplica::window)
                .collect(Collectors.groupingBy(WindowV1::region, Collectors.toUnmodifiableList()));
        Loaded fresh = new Loaded(Map.copyOf(byRegion), seen, at);
        // A change committed while this was read makes it stale at once: the next call reads again.
        loaded = fresh;
        return fresh;
    }

    /**
     * Counted before the consumer commits and again after: a copy read meanwhile, or a moment before the
     * commit, is read again by the next report.
     */
    void onChange(@Observes Changed change) {
        generation.incrementAndGet();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        generation.incrementAndGet();
    }
}
