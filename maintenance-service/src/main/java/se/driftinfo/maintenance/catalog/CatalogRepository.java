package se.driftinfo.maintenance.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import se.driftinfo.contracts.catalog.CatalogCodes;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<Region, String> {

    public List<Region> allRegions() {
        return list("order by code");
    }

    public Optional<Region> region(String code) {
        return CatalogCodes.isCode(code) ? findByIdOptional(code) : Optional.empty();
    }
}
