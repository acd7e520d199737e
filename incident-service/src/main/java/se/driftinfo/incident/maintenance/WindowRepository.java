package se.driftinfo.incident.maintenance;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<WindowReplica, UUID> {

    /** Scheduled windows of a region; few enough per region to filter by system in memory. */
    public List<WindowReplica> scheduledIn(String region) {
        return list("region = ?1 and status = 'SCHEDULED'", region);
    }
}
