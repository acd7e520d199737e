package se.driftinfo.incident.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.MemoryCopy;

/**
 * Which systems of which regions have an active outage, held in memory: almost no report has one, and asking
 * the database for each report was a round trip per report. Only a report whose system is listed here asks
 * the database which outage covers it, so a report is never linked to an outage from this copy alone. Read
 * again when this replica declares or resolves an outage and at least every {@code outage-refresh}, which
 * covers the outages declared on another replica of the service.
 */
@ApplicationScoped
public class ActiveOutages {

    private final OutageRepository repository;
    private final MemoryCopy<Set<String>> systems;

    public ActiveOutages(OutageRepository repository, IncidentConfig config) {
        this.repository = repository;
        this.systems = new MemoryCopy<>(this::read, config.outageRefresh());
    }

    /** False only if no active outage names this system of this region (as of at most outage-refresh ago). */
    public boolean mayCover(String region, String system) {
        return systems.get().contains(key(region, system));
    }

    private Set<String> read() {
        List<Object[]> rows = repository.activeSystems();
        return rows.stream().map(r -> key((String) r[0], (String) r[1])).collect(Collectors.toUnmodifiableSet());
    }

    private static String key(String region, String system) {
        return region + "/" + system;
    }

    /** After the commit, in the thread that declared or resolved: its request is answered once this ran. */
    void onDeclaredCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageDeclared outage) {
        systems.changed();
    }

    void onResolvedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageResolved outage) {
        systems.changed();
    }
}
