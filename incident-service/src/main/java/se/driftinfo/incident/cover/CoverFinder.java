package se.driftinfo.incident.cover;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.contracts.maintenance.WindowSchedule;
import se.driftinfo.contracts.maintenance.WindowSchedule.Occurrence;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.maintenance.KnownWindows;
import se.driftinfo.incident.outage.ActiveOutages;
import se.driftinfo.incident.outage.OutageRepository;

/** Finds the outage or maintenance window that covers a system of a region at a moment. */
@ApplicationScoped
public class CoverFinder {

    private final ActiveOutages activeOutages;
    private final OutageRepository outages;
    private final KnownWindows windows;
    private final IncidentConfig config;

    public CoverFinder(
            ActiveOutages activeOutages, OutageRepository outages, KnownWindows windows, IncidentConfig config) {
        this.activeOutages = activeOutages;
        this.outages = outages;
        this.windows = windows;
        this.config = config;
    }

    /**
     * A declared outage wins over a window: it is what is happening now. A window covers while it
     * runs and from {@code imminent-window} before it starts. The windows and which systems have an outage
     * are held in memory; the database is asked only which outage covers a system that has one.
     */
    public Optional<Cover> find(String region, String system, Instant at) {
        if (activeOutages.mayCover(region, system)) {
            Optional<Cover> outage = outages.activeCovering(region, system)
                    .map(o -> new Cover(Cover.Kind.OUTAGE, o.id, o.title, o.startedAt, null));
            if (outage.isPresent()) {
                return outage;
            }
        }
        Instant horizon = at.plus(config.imminentWindow());
        Cover best = null;
        for (WindowV1 window : windows.scheduledIn(region)) {
            if (window.systems() == null || !window.systems().contains(system)) {
                continue;
            }
            // The contract's expansion, so the cover agrees with the feeds and reminders about when a window is.
            Optional<Occurrence> first =
                    WindowSchedule.active(window, at, horizon).stream().min(Comparator.comparing(Occurrence::startsAt));
            if (first.isPresent() && (best == null || first.get().startsAt().isBefore(best.start()))) {
                best = new Cover(
                        Cover.Kind.MAINTENANCE_WINDOW,
                        window.id(),
                        window.title(),
                        first.get().startsAt(),
                        first.get().endsAt());
            }
        }
        return Optional.ofNullable(best);
    }
}
