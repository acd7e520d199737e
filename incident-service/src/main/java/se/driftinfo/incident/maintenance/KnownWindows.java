package se.driftinfo.incident.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.MemoryCopy;

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

    private final WindowRepository repository;
    private final MemoryCopy<Map<String, List<WindowV1>>> byRegion;

    public KnownWindows(WindowRepository repository, IncidentConfig config) {
        this.repository = repository;
        this.byRegion = new MemoryCopy<>(this::read, config.windowRefresh());
    }

    /** The scheduled windows of a region (any system); few enough per region to filter in memory. */
    public List<WindowV1> scheduledIn(String region) {
        return byRegion.get().getOrDefault(region, List.of());
    }

    private Map<String, List<WindowV1>> read() {
        return Map.copyOf(repository.scheduled().stream()
                .map(WindowReplica::window)
                .collect(Collectors.groupingBy(WindowV1::region, Collectors.toUnmodifiableList())));
    }

    /**
     * Counted before the consumer commits and again after: a copy read meanwhile, or a moment before the
     * commit, is read again by the next report.
     */
    void onChange(@Observes Changed change) {
        byRegion.changed();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        byRegion.changed();
    }
}
