package se.driftinfo.notifier.ical;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/**
 * A subscribed calendar (feed): the calendar's name and refresh hints, one VTIMEZONE per zone used,
 * then the windows' series and the outages. The caller chooses what is in it and the texts.
 */
public final class FeedCalendar {

    static final String PRODID = "-//Driftinfo//notifier-service//SV";
    /** Clients that honour it poll hourly; the mail covers changes close to their date. */
    static final String REFRESH = "PT1H";

    /** One live window series as the feed shows it. */
    public record WindowEntry(WindowV1 window, String description, String location) {}

    /** One outage as the feed shows it. */
    public record OutageEntry(OutageV1 outage, String summary, String description, String location) {}

    private FeedCalendar() {}

    /** The feed's bytes as text; {@code now} only decides how far an open outage reaches. */
    public static String write(String name, List<WindowEntry> windows, List<OutageEntry> outages, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Europe/Stockholm"));
        calendar.add(new XProperty("REFRESH-INTERVAL", new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
        TreeSet<String> zones = new TreeSet<>();
        for (WindowEntry entry : windows) {
            zones.add(entry.window().timeZone());
        }
        for (String zone : zones) {
            calendar.add(TimeZones.vtimezone(zone));
        }
        for (WindowEntry entry : windows) {
            WindowV1 window = entry.window();
            for (VEvent event : VEvents.window(
                    window, VEvents.feedUid(window), window.title(), entry.description(), entry.location())) {
                calendar.add(event);
            }
        }
        for (OutageEntry entry : outages) {
            calendar.add(VEvents.outage(entry.outage(), entry.summary(), entry.description(), entry.location(), now));
        }
        return CalendarText.write(calendar);
    }
}
