package se.driftinfo.notifier.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.outage.OutageView;
import se.driftinfo.notifier.window.WindowView;

/** Renders a subscribed calendar (feed) from the read model. Public feeds are in Swedish. */
@ApplicationScoped
public class FeedRenderer {

    static final String PRODID = "-//Driftinfo//notifier-service//SV";
    /** Clients that honour it poll hourly; the mail covers changes close to their date. */
    static final String REFRESH = "PT1H";

    private final Catalog catalog;

    public FeedRenderer(Catalog catalog) {
        this.catalog = catalog;
    }

    public String render(String name, List<WindowView> windows, List<OutageView> outages, Instant now) {
        // One catalog read per feed, not one per event.
        Map<String, RegionV1> regions = catalog.regions().stream().collect(Collectors.toMap(RegionV1::code, r -> r));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Europe/Stockholm"));
        calendar.add(new XProperty("REFRESH-INTERVAL", new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
        TreeSet<String> zones = new TreeSet<>();
        List<WindowView> live = windows.stream().filter(w -> !w.cancelled()).toList();
        for (WindowView view : live) {
            zones.add(view.window().timeZone());
        }
        for (String zone : zones) {
            calendar.add(TimeZones.vtimezone(zone));
        }
        for (WindowView view : live) {
            WindowV1 window = view.window();
            for (VEvent event : VEvents.window(
                    window,
                    VEvents.feedUid(window),
                    window.title(),
                    describe(window, regions),
                    regionName(regions, window.region()))) {
                calendar.add(event);
            }
        }
        for (OutageView view : outages) {
            OutageV1 outage = view.outage();
            String prefix = view.active() ? "Driftstörning: " : "Driftstörning (åtgärdad): ";
            calendar.add(VEvents.outage(
                    outage,
                    prefix + outage.title(),
                    describe(outage, regions),
                    regionName(regions, outage.region()),
                    now));
        }
        return CalendarText.write(calendar);
    }

    private static String describe(WindowV1 window, Map<String, RegionV1> regions) {
        StringBuilder text = new StringBuilder();
        if (window.description() != null) {
            text.append(window.description()).append("\n\n");
        }
        text.append("Berörda system: ").append(systemNames(regions, window.region(), window.systems()));
        return text.toString();
    }

    private static String describe(OutageV1 outage, Map<String, RegionV1> regions) {
        String impact = "OUTAGE".equals(outage.impact()) ? "Systemet är nere" : "Systemet fungerar delvis";
        String routine = outage.resolvedAt() == null ? "Starta er reservrutin." : "Ni kan avsluta reservrutinen.";
        return impact + ": " + systemNames(regions, outage.region(), outage.systems()) + ".\n" + routine
                + "\nReferens: " + outage.reference();
    }

    static String regionName(Map<String, RegionV1> regions, String code) {
        RegionV1 region = regions.get(code);
        return region == null ? code : region.name();
    }

    /** Display names; a code the catalog does not know (yet) is shown as it is. */
    static String systemNames(Map<String, RegionV1> regions, String region, List<String> systems) {
        RegionV1 r = regions.get(region);
        return String.join(
                ", ",
                systems.stream()
                        .map(code -> r == null
                                ? code
                                : r.systems().stream()
                                        .filter(s -> s.code().equals(code))
                                        .map(RegionV1.SystemV1::name)
                                        .findFirst()
                                        .orElse(code))
                        .toList());
    }
}
