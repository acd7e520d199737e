package se.driftinfo.notifier.feed;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
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
            for (VEvent event : VEvents.window(window, VEvents.feedUid(window), window.title(), describe(window),
                    catalog.regionName(window.region()))) {
                calendar.add(event);
            }
        }
        for (OutageView view : outages) {
            OutageV1 outage = view.outage();
            String prefix = view.active() ? "Driftstörning: " : "Driftstörning (åtgärdad): ";
            calendar.add(VEvents.outage(outage, prefix + outage.title(), describe(outage),
                    catalog.regionName(outage.region()), now));
        }
        return CalendarText.write(calendar);
    }

    private String describe(WindowV1 window) {
        StringBuilder text = new StringBuilder();
        if (window.description() != null) {
            text.append(window.description()).append("\n\n");
        }
        text.append("Berörda system: ").append(systemNames(window.region(), window.systems()));
        return text.toString();
    }

    private String describe(OutageV1 outage) {
        String impact = "OUTAGE".equals(outage.impact()) ? "Systemet är nere" : "Systemet fungerar delvis";
        String routine = outage.resolvedAt() == null ? "Starta er reservrutin." : "Ni kan avsluta reservrutinen.";
        return impact + ": " + systemNames(outage.region(), outage.systems()) + ".\n" + routine + "\nReferens: "
                + outage.reference();
    }

    String systemNames(String region, List<String> systems) {
        return String.join(", ", systems.stream().map(s -> catalog.systemName(region, s)).toList());
    }
}
