package se.driftinfo.incident.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.MemoryCopy;
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

    private final CatalogRepository repository;
    private final MemoryCopy<Map<String, Region>> regions;

    public KnownCatalog(CatalogRepository repository, IncidentConfig config) {
        this.repository = repository;
        this.regions = new MemoryCopy<>(this::read, config.catalogRefresh());
    }

    public Optional<Region> region(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(regions.get().get(code));
    }

    private Map<String, Region> read() {
        return repository.allRegions().stream()
                .map(r -> new Region(
                        r.code,
                        r.name,
                        r.supportHours(),
                        r.systems.stream().map(s -> s.code).collect(Collectors.toUnmodifiableSet())))
                .collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        regions.changed();
    }
}
