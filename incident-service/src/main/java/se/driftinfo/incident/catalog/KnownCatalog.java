package se.driftinfo.incident.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.sla.SupportHours;

/**
 * The catalog replica held in memory: every report and outage names a region and system, and asking the
 * database each time was most of a report's cost. The replica changes rarely (a catalog record per
 * region), so this copy is read again when this replica's consumer changed it and at least every
 * {@code catalog-refresh}, which covers the catalog changes another replica of the service consumed.
 */
@ApplicationScoped
public class KnownCatalog {

    /** One region as the intake checks it: its systems and the support hours its SLA clock runs in. */
    public record Region(String code, String name, SupportHours supportHours, Set<String> systems) {

        public boolean hasSystem(String system) {
            return system != null && systems.contains(system);
        }
    }

    /** This replica's consumer changed a region; fired in the consumer's transaction. */
    public record Changed(String region) {}

    private record Loaded(Map<String, Region> regions, long generation, long atNanos) {}

    private final CatalogRepository repository;
    private final long refreshNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Loaded loaded;

    public KnownCatalog(CatalogRepository repository, IncidentConfig config) {
        this.repository = repository;
        this.refreshNanos = config.catalogRefresh().toNanos();
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(current().get(code));
    }

    private Map<String, Region> current() {
        Loaded now = loaded;
        if (now == null || now.generation() != generation.get() || System.nanoTime() - now.atNanos() > refreshNanos) {
            now = load();
        }
        return now.regions();
    }

    /** In the caller's context: no second connection is taken while the caller may hold one. */
    private Loaded load() {
        long seen = generation.get();
        long at = System.nanoTime();
        Map<String, Region> regions = repository.allRegions().stream()
                .map(r -> new Region(
                        r.code,
                        r.name,
                        r.supportHours(),
                        r.systems.stream().map(s -> s.code).collect(Collectors.toUnmodifiableSet())))
                .collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
        Loaded fresh = new Loaded(regions, seen, at);
        // A change committed while this was read makes it stale at once: the next call reads again.
        loaded = fresh;
        return fresh;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        generation.incrementAndGet();
    }
}
