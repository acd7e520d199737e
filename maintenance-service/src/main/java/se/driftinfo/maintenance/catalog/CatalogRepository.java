package se.driftinfo.maintenance.catalog;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<Region, String> {

    public List<Region> allRegions() {
        return list("order by code");
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }
}
