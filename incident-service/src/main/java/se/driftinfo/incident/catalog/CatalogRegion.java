package se.driftinfo.incident.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.incident.sla.SupportHours;

/**
 * This service's copy of one region from the catalog topic: the source of truth for which regions
 * and systems a report may name and for the support hours its SLA clock runs in. The newest catalog
 * record replaces the whole region.
 */
@Entity
@Table(name = "catalog_region")
public class CatalogRegion extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "support_always_open", nullable = false)
    public boolean supportAlwaysOpen;

    @Column(name = "support_opens")
    public LocalTime supportOpens;

    @Column(name = "support_closes")
    public LocalTime supportCloses;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "catalog_system", joinColumns = @JoinColumn(name = "region_code"))
    public List<SystemEntry> systems = new ArrayList<>();

    /** A system the region lends to clinics. */
    @Embeddable
    public static class SystemEntry {
        @Column(nullable = false)
        public String code;

        @Column(nullable = false)
        public String name;

        protected SystemEntry() {}

        SystemEntry(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }

    /** Takes the catalog record as the whole truth about this region. */
    public void replaceWith(RegionV1 region) {
        code = region.code();
        name = region.name();
        timeZone = region.timeZone();
        RegionV1.SupportHoursV1 hours = region.supportHours();
        supportAlwaysOpen = hours == null || hours.alwaysOpen();
        supportOpens = supportAlwaysOpen || hours.opens() == null ? null : LocalTime.parse(hours.opens());
        supportCloses = supportAlwaysOpen || hours.closes() == null ? null : LocalTime.parse(hours.closes());
        systems.clear();
        if (region.systems() != null) {
            region.systems().forEach(s -> systems.add(new SystemEntry(s.code(), s.name())));
        }
    }

    public Optional<SystemEntry> system(String systemCode) {
        return systems.stream().filter(s -> s.code.equals(systemCode)).findFirst();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public SupportHours supportHours() {
        return supportAlwaysOpen
                ? SupportHours.allHours(zone())
                : SupportHours.daily(zone(), supportOpens, supportCloses);
    }
}
