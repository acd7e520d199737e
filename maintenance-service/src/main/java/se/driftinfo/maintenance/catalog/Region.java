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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
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

    /**
     * Whether [{@code start}, {@code end}) touches the helpdesk's hours: always for a region open 24/7,
     * else {@code supportOpens}–{@code supportCloses} local time on weekdays (public holidays are not
     * known here, so they count as weekdays: a warning too many rather than one too few).
     */
    public boolean duringSupportHours(Instant start, Instant end) {
        if (supportAlwaysOpen) {
            return true;
        }
        if (supportOpens == null || supportCloses == null) {
            return false;
        }
        ZoneId zone = ZoneId.of(timeZone);
        LocalDate last = LocalDateTime.ofInstant(end, zone).toLocalDate();
        for (LocalDate day = LocalDateTime.ofInstant(start, zone).toLocalDate();
                !day.isAfter(last);
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant opens = day.atTime(supportOpens).atZone(zone).toInstant();
            Instant closes = day.atTime(supportCloses).atZone(zone).toInstant();
            if (start.isBefore(closes) && end.isAfter(opens)) {
                return true;
            }
        }
        return false;
    }

    public Optional<RegionSystem> system(String systemCode) {
        return systems.stream().filter(s -> s.code.equals(systemCode)).findFirst();
    }
}
