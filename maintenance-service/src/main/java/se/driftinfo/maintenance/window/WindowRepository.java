package se.driftinfo.maintenance.window;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import se.driftinfo.contracts.catalog.CatalogCodes;
import se.driftinfo.kit.domain.NotFoundException;

@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<MaintenanceWindow, UUID> {

    public MaintenanceWindow get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundException("Maintenance window " + id));
    }

    /** Windows of a region (or all), optionally only those touching a system; oldest first. */
    public List<MaintenanceWindow> matching(String region, String system) {
        if ((region != null && !CatalogCodes.isCode(region)) || (system != null && !CatalogCodes.isCode(system))) {
            return List.of(); // no window has it, and PostgreSQL errs on some of what is not a code (NUL)
        }
        StringBuilder query = new StringBuilder("select distinct w from MaintenanceWindow w where 1 = 1");
        if (region != null) {
            query.append(" and w.region = :region");
        }
        if (system != null) {
            query.append(" and :system member of w.systems");
        }
        query.append(" order by w.createdAt");
        var q = getEntityManager().createQuery(query.toString(), MaintenanceWindow.class);
        if (region != null) {
            q.setParameter("region", region);
        }
        if (system != null) {
            q.setParameter("system", system);
        }
        return q.getResultList();
    }
}
