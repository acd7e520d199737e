package se.driftinfo.incident.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<CatalogRegion, String> {

    public List<CatalogRegion> allRegions() {
        return list("order by name");
    }

    public Optional<CatalogRegion> region(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }
}
