package se.driftinfo.notifier.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import se.driftinfo.contracts.catalog.CatalogCodes;
import se.driftinfo.contracts.catalog.RegionV1;

/** The catalog replica: which regions and systems exist, and their display names. */
@ApplicationScoped
public class Catalog {

    public Optional<RegionV1> region(String code) {
        if (!CatalogCodes.isCode(code)) {
            return Optional.empty();
        }
        return CatalogRegion.<CatalogRegion>findByIdOptional(code).map(CatalogRegion::region);
    }

    public List<RegionV1> regions() {
        return CatalogRegion.<CatalogRegion>listAll().stream()
                .map(CatalogRegion::region)
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();
    }

    /** True if some region lends a system with this code. */
    public boolean knowsSystem(String systemCode) {
        return regions().stream()
                .anyMatch(r -> r.systems().stream().anyMatch(s -> s.code().equals(systemCode)));
    }

    /** Display name of a system, or its code when the catalog does not know it (yet). */
    public String systemName(String regionCode, String systemCode) {
        return region(regionCode)
                .flatMap(r -> r.systems().stream()
                        .filter(s -> s.code().equals(systemCode))
                        .findFirst())
                .map(RegionV1.SystemV1::name)
                .orElse(systemCode);
    }

    /** Display names of systems of one region, comma-separated, as mail and pages list them. */
    public String systemNames(String regionCode, List<String> systemCodes) {
        return String.join(
                ", ",
                systemCodes.stream().map(code -> systemName(regionCode, code)).toList());
    }

    public String regionName(String regionCode) {
        return region(regionCode).map(RegionV1::name).orElse(regionCode);
    }
}
