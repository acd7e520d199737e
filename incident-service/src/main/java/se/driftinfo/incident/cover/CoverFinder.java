package se.driftinfo.incident.cover;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.contracts.maintenance.WindowSchedule;
import se.driftinfo.contracts.maintenance.WindowSchedule.Occurrence;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.maintenance.WindowRepository;
import se.driftinfo.incident.outage.OutageRepository;

/** Finds the outage or maintenance window that covers a system of a region at a moment. */
@ApplicationScoped
public class CoverFinder {

    private final OutageRepository outages;
    private final WindowRepository windows;
    private final IncidentConfig config;

    public CoverFinder(OutageRepository outages, WindowRepository windows, IncidentConfig config) {
        this.outages = outages;
        this.windows = windows;
        this.config = config;
    }

    /**
     * A declared outage wins over a window: it is what is happening now. A window covers while it
     * runs and from {@code imminent-window} before it starts.
     */
    public Optional<Cover> find(String region, String system, Instant at) {
        Optional<Cover> outage = outages.activeCovering(region, system)
                .map(o -> new Cover(Cover.Kind.OUTAGE, o.id, o.title, o.startedAt, null));
        if (outage.isPresent()) {
            return outage;
        }
        Instant horizon = at.plus(config.imminentWindow());
        Cover best = null;
        for (var replica : windows.scheduledIn(region)) {
            WindowV1 window = replica.window();
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
