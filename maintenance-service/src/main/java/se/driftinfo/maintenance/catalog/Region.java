package se.driftinfo.maintenance.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A region that lends its IT systems to clinics, with the helpdesk's support hours. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

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

    /** Fingerprint of what was last published to the catalog topic. */
    @Column(name = "published_hash")
    public String publishedHash;

    @OneToMany(mappedBy = "region", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("code")
    public List<RegionSystem> systems = new ArrayList<>();

    public Optional<RegionSystem> system(String systemCode) {
        return systems.stream().filter(s -> s.code.equals(systemCode)).findFirst();
    }
}
