package se.driftinfo.notifier.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.ical.FeedCalendar;
import se.driftinfo.notifier.ical.FeedCalendar.OutageEntry;
import se.driftinfo.notifier.ical.FeedCalendar.WindowEntry;
import se.driftinfo.notifier.outage.OutageView;
import se.driftinfo.notifier.window.WindowView;

/** Renders a feed from the read model: what each event says, in Swedish; {@link FeedCalendar} writes it. */
@ApplicationScoped
public class FeedRenderer {

    private final Catalog catalog;
    private final FeedMessages messages;

    public FeedRenderer(Catalog catalog, FeedMessages messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    public String render(String name, List<WindowView> windows, List<OutageView> outages, Instant now) {
        // One catalog read per feed, not one per event.
        Map<String, RegionV1> regions = catalog.regions().stream().collect(Collectors.toMap(RegionV1::code, r -> r));
        List<WindowEntry> live = windows.stream()
                .filter(w -> !w.cancelled())
                .map(WindowView::window)
                .map(w -> new WindowEntry(w, describe(w, regions), regionName(regions, w.region())))
                .toList();
        List<OutageEntry> shown = outages.stream()
                .map(view -> {
                    OutageV1 outage = view.outage();
                    String summary =
                            view.active() ? messages.outage(outage.title()) : messages.resolvedOutage(outage.title());
                    return new OutageEntry(
                            outage, summary, describe(outage, regions), regionName(regions, outage.region()));
                })
                .toList();
        return FeedCalendar.write(name, live, shown, now);
    }

    private String describe(WindowV1 window, Map<String, RegionV1> regions) {
        StringBuilder text = new StringBuilder();
        if (window.description() != null) {
            text.append(window.description()).append("\n\n");
        }
        text.append(messages.affectedSystems(systemNames(regions, window.region(), window.systems())));
        return text.toString();
    }

    private String describe(OutageV1 outage, Map<String, RegionV1> regions) {
        return messages.outageDescription(
                "OUTAGE".equals(outage.impact()),
                systemNames(regions, outage.region(), outage.systems()),
                outage.resolvedAt() != null,
                outage.reference());
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
