package se.driftinfo.maintenance.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.driftinfo.contracts.maintenance.RecurrenceRule;
import se.driftinfo.kit.problem.ProblemException;
import se.driftinfo.maintenance.catalog.CatalogRepository;
import se.driftinfo.maintenance.catalog.Region;
import se.driftinfo.maintenance.window.WindowResponse.OccurrenceResponse;

/**
 * The planner's use cases. Each command changes a window and records its event in one transaction.
 */
@ApplicationScoped
public class WindowService {

    private final WindowRepository windows;
    private final CatalogRepository catalog;
    private final WindowEvents events;
    private final Clock clock;
    private final int maxOccurrences;

    public WindowService(
            WindowRepository windows,
            CatalogRepository catalog,
            WindowEvents events,
            Clock clock,
            @ConfigProperty(name = "driftinfo.occurrences.max-per-request", defaultValue = "1000") int maxOccurrences) {
        this.windows = windows;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.maxOccurrences = maxOccurrences;
    }

    @Transactional
    public MaintenanceWindow schedule(WindowRequest request) {
        MaintenanceWindow window = MaintenanceWindow.schedule(define(request), now());
        windows.persist(window);
        events.scheduled(window);
        return window;
    }

    /**
     * Redefines a window; with {@code effectiveFrom}, only from that date on.
     *
     * @return the window now in force (a new one when the series was split)
     */
    @Transactional
    public MaintenanceWindow update(UUID id, WindowRequest request) {
        MaintenanceWindow window = windows.get(id);
        WindowDefinition definition = define(request);
        if (request.effectiveFrom() == null) {
            window.redefine(definition, now());
            events.updated(window);
            return window;
        }
        MaintenanceWindow current = window.changeFrom(request.effectiveFrom(), definition, now());
        events.updated(window);
        if (current != window) {
            windows.persist(current);
            events.scheduled(current);
        }
        return current;
    }

    @Transactional
    public MaintenanceWindow cancel(UUID id, String reason) {
        MaintenanceWindow window = windows.get(id);
        window.cancel(now());
        events.cancelled(window, reason);
        return window;
    }

    @Transactional
    public MaintenanceWindow cancelOccurrence(UUID id, LocalDate date, String reason) {
        MaintenanceWindow window = windows.get(id);
        OccurrenceException exception = window.cancelOccurrence(date, reason, now());
        events.occurrenceCancelled(window, exception);
        return window;
    }

    @Transactional
    public MaintenanceWindow moveOccurrence(UUID id, LocalDate date, OccurrenceRequests.Move move) {
        MaintenanceWindow window = windows.get(id);
        OccurrenceException exception = window.moveOccurrence(date, move.start(), move.end(), move.reason(), now());
        events.occurrenceMoved(window, exception);
        return window;
    }

    @Transactional
    public MaintenanceWindow get(UUID id) {
        return windows.get(id);
    }

    @Transactional
    public List<MaintenanceWindow> list(String region, String system) {
        return windows.matching(checkRegion(region), system);
    }

    /** The next few occurrences of a window from now, for the planner's overview. */
    public List<Occurrence> upcoming(MaintenanceWindow window, int count) {
        LocalDateTime now = LocalDateTime.ofInstant(now(), window.zone());
        return window.occurrences(now, now.plusYears(5), count);
    }

    /**
     * Occurrences of all matching windows overlapping [from, to) (local dates in each window's zone),
     * sorted by start. Refuses a range that yields more than the configured maximum, rather than
     * silently cutting it.
     */
    @Transactional
    public List<OccurrenceResponse> occurrences(String region, String system, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from (" + from + ")");
        }
        checkRegion(region);
        List<OccurrenceResponse> result = new ArrayList<>();
        for (MaintenanceWindow window : windows.matching(region, system)) {
            for (Occurrence o : window.occurrences(from.atStartOfDay(), to.atStartOfDay(), maxOccurrences + 1)) {
                result.add(WindowResponse.occurrence(window, o));
                if (result.size() > maxOccurrences) {
                    throw ProblemException.invalidField(
                            "to",
                            "the range " + from + " to " + to + " holds more than " + maxOccurrences
                                    + " occurrences; ask for a shorter range");
                }
            }
        }
        result.sort(Comparator.comparing((OccurrenceResponse o) -> o.startsAt().toInstant())
                .thenComparing(o -> o.windowId()));
        return result;
    }

    /** Turns a request into a definition, checking it against the catalog. */
    private WindowDefinition define(WindowRequest r) {
        Region region = catalog.region(r.region())
                .orElseThrow(() -> ProblemException.invalidField("region", "unknown region '" + r.region() + "'"));
        for (int i = 0; i < r.systems().size(); i++) {
            String system = r.systems().get(i);
            if (region.system(system).isEmpty()) {
                throw ProblemException.invalidField(
                        "systems[" + i + "]", "'" + system + "' is not a system of " + region.name);
            }
        }
        if (!ZoneId.getAvailableZoneIds().contains(r.timeZone())) {
            throw ProblemException.invalidField(
                    "timeZone", "'" + r.timeZone() + "' is not an IANA time zone name such as Europe/Stockholm");
        }
        ZoneId zone = ZoneId.of(r.timeZone());
        RecurrenceRule recurrence = null;
        if (r.recurrence() != null && !r.recurrence().isBlank()) {
            try {
                recurrence = RecurrenceRule.parse(r.recurrence(), zone);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("recurrence", e.getMessage());
            }
        }
        return new WindowDefinition(
                r.title().strip(), r.description(), region.code, r.systems(), zone, r.start(), r.end(), recurrence);
    }

    private String checkRegion(String region) {
        if (region != null && catalog.region(region).isEmpty()) {
            throw ProblemException.invalidField("region", "unknown region '" + region + "'");
        }
        return region;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
