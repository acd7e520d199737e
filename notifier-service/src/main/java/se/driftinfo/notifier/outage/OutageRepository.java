package se.driftinfo.notifier.outage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries on the outage read model, ordered by id for byte-stable feeds. */
@ApplicationScoped
public class OutageRepository implements PanacheRepositoryBase<OutageView, UUID> {

    public List<OutageView> all() {
        return list("order by id");
    }

    public List<OutageView> inRegion(String region) {
        return list("region = ?1 order by id", region);
    }

    public List<OutageView> forSystem(String system) {
        return list("systems like ?1 order by id", "%," + system + ",%");
    }

    public List<OutageView> active() {
        return list("resolvedAt is null order by startedAt");
    }
}
