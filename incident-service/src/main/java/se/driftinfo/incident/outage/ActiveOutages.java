package se.driftinfo.incident.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import se.driftinfo.incident.IncidentConfig;

/**
 * Which systems of which regions have an active outage, held in memory: almost no report has one, and asking
 * the database for each report was a round trip per report. Only a report whose system is listed here asks
 * the database which outage covers it, so a report is never linked to an outage from this copy alone. Read
 * again when this replica declares or resolves an outage and at least every {@code outage-refresh}, which
 * covers the outages declared on another replica of the service.
 */
@ApplicationScoped
public class ActiveOutages {

    private record Loaded(Set<String> systems, long generation, long atNanos) {}

    private final OutageRepository repository;
    private final long refreshNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Loaded loaded;

    public ActiveOutages(OutageRepository repository, IncidentConfig config) {
        this.repository = repository;
        this.refreshNanos = config.outageRefresh().toNanos();
    }

    /** False only if no active outage names this system of this region (as of at most outage-refresh ago). */
    public boolean mayCover(String region, String system) {
        Loaded now = loaded;
        if (now == null || now.generation() != generation.get() || System.nanoTime() - now.atNanos() > refreshNanos) {
            now = load();
        }
        return now.systems().contains(key(region, system));
    }

    /** In the caller's context: no second connection is taken while the caller may hold one. */
    private Loaded load() {
        long seen = generation.get();
        long at = System.nanoTime();
        List<Object[]> rows = repository.activeSystems();
        Loaded fresh = new Loaded(
                rows.stream().map(r -> key((String) r[0], (String) r[1])).collect(Collectors.toUnmodifiableSet()),
                seen,
                at);
        // An outage declared while this was read makes it stale at once: the next call reads again.
        loaded = fresh;
        return fresh;
    }

    private static String key(String region, String system) {
        return region + "/" + system;
    }

    /** After the commit, in the thread that declared or resolved: its request is answered once this ran. */
    void onDeclaredCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageDeclared outage) {
        generation.incrementAndGet();
    }

    void onResolvedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageResolved outage) {
        generation.incrementAndGet();
    }
}
