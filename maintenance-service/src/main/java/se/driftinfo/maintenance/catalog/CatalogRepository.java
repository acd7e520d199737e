package se.driftinfo.maintenance.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<Region, String> {

    public List<Region> allRegions() {
        return list("order by code");
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }
}
