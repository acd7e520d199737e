package se.driftinfo.notifier.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.catalog.RegionV1;

/**
 * Replica of one region of the catalog topic. The newest record is the whole truth, so it is kept
 * as the snapshot it arrived as and replaced, never merged.
 */
@Entity
@Table(name = "catalog_region")
public class CatalogRegion extends PanacheEntityBase {

    @Id
    public String code;

    public String snapshot;

    public RegionV1 region() {
        return EventJson.read(snapshot, RegionV1.class);
    }

    public void replaceWith(RegionV1 region) {
        this.snapshot = EventJson.write(region);
    }

    public boolean lends(String systemCode) {
        return region().systems().stream().anyMatch(s -> s.code().equals(systemCode));
    }
}
