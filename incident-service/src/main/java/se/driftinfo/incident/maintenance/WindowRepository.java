package se.driftinfo.incident.maintenance;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<WindowReplica, UUID> {

    /** The scheduled windows of every region: what {@link KnownWindows} holds. */
    public List<WindowReplica> scheduled() {
        return list("status = 'SCHEDULED'");
    }
}
