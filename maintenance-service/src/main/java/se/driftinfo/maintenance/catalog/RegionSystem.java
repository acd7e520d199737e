package se.driftinfo.maintenance.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A system (Cosmic, Sectra PACS, …) as one region runs it; the code is unique within the region. */
@Entity
@Table(name = "system")
@IdClass(RegionSystem.Key.class)
public class RegionSystem extends PanacheEntityBase {

    @Id
    @ManyToOne
    @JoinColumn(name = "region_code")
    public Region region;

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public static class Key implements Serializable {
        public String region;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(region, k.region) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, code);
        }
    }
}
