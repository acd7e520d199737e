package se.driftinfo.notifier.window;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries on the window read model; ordered by id so that feeds come out byte-stable. */
@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<WindowView, UUID> {

    public List<WindowView> all() {
        return list("order by id");
    }

    public List<WindowView> inRegion(String region) {
        return list("region = ?1 order by id", region);
    }

    public List<WindowView> forSystem(String system) {
        return list("systems like ?1 order by id", "%," + system + ",%");
    }

    public boolean anyInRegion(String region) {
        return count("region", region) > 0;
    }
}
