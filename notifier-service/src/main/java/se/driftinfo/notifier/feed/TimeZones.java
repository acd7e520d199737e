package se.driftinfo.notifier.feed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;

/**
 * VTIMEZONE components whose TZID is exactly the IANA name we use in DTSTART. iCal4j's bundled data
 * makes {@code Europe/Stockholm} an alias of Berlin and writes {@code TZID:Europe/Berlin}; Outlook
 * then treats our times as floating. So the definition is copied, its TZID rewritten, and the
 * TZURL and X-LIC-LOCATION that would point back at Berlin dropped.
 */
public final class TimeZones {

    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final Map<String, VTimeZone> CACHE = new ConcurrentHashMap<>();

    private TimeZones() {
    }

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
        copy.removeAll(Property.TZURL, "X-LIC-LOCATION", Property.LAST_MODIFIED);
        return copy;
    }
}
