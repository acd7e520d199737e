package se.driftinfo.notifier.ical;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;

/**
 * VTIMEZONE components whose TZID is exactly the IANA name we use in DTSTART. iCal4j's bundled data
 * makes {@code Europe/Stockholm} an alias of Berlin and writes {@code TZID:Europe/Berlin}; Outlook
 * then treats our times as floating. So the definition is copied, its TZID rewritten, and the
 * TZURL and X-LIC-LOCATION that would point back at Berlin dropped.
 */
public final class TimeZones {

    private static final TimeZoneRegistry REGISTRY =
            TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final Map<String, VTimeZone> CACHE = new ConcurrentHashMap<>();

    private TimeZones() {}

    public static VTimeZone vtimezone(String zoneId) {
        return CACHE.computeIfAbsent(zoneId, TimeZones::build).copy();
    }

    private static VTimeZone build(String zoneId) {
        TimeZone zone = REGISTRY.getTimeZone(zoneId);
        if (zone == null) {
            throw new IllegalArgumentException("No time zone definition for " + zoneId);
        }
        VTimeZone copy = zone.getVTimeZone().copy();
        copy.replace(new TzId(zoneId));
        copy.removeAll(Property.TZURL, "X-LIC-LOCATION", Property.LAST_MODIFIED, "X-PROLEPTIC-TZNAME");
        copy.setComponentList(new ComponentList<>(currentRules(copy.getObservances())));
        return copy;
    }

    /**
     * Only the rules in force today (observances whose RRULE has no UNTIL), as Google and Outlook write
     * them: the history before them is Berlin's, not Stockholm's, and no maintenance lies in the past.
     * A zone without daylight saving keeps its latest observance.
     */
    static List<Observance> currentRules(List<Observance> all) {
        List<Observance> current = all.stream()
                .filter(o -> o.<RRule<?>>getProperty(Property.RRULE)
                        .map(r ->
                                r.getRecur().getUntil() == null && r.getRecur().getCount() < 1)
                        .orElse(false))
                .toList();
        if (!current.isEmpty()) {
            return current;
        }
        Observance now = VTimeZone.getApplicableObservance(OffsetDateTime.now(ZoneOffset.UTC), all);
        return now == null ? all : List.of(now);
    }
}
