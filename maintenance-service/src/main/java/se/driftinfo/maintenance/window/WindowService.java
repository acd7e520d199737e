package se.driftinfo.maintenance.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import se.driftinfo.contracts.maintenance.WindowSchedule;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.validation.NoIdentityNumber;
import se.driftinfo.maintenance.catalog.CatalogRepository;
import se.driftinfo.maintenance.catalog.Region;

/**
 * The planner's use cases. Each command asks the window to change, then records the change's event, in
 * one transaction. Every input is checked here, whoever calls (the API, the pages, the demo data): Bean
 * Validation on the request and the reasons (no identity numbers, no control characters), the planning
 * horizon on every date ({@link PlanningHorizon}).
 */
@ApplicationScoped
public class WindowService {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final WindowRepository windows;
    private final CatalogRepository catalog;
    private final WindowEvents events;
    private final Clock clock;
    private final OccurrencesConfig limits;

    public WindowService(
            WindowRepository windows,
            CatalogRepository catalog,
            WindowEvents events,
            Clock clock,
            OccurrencesConfig occurrences) {
        this.windows = windows;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.limits = occurrences;
    }

    @Transactional
    public MaintenanceWindow schedule(@Valid WindowRequest draft) {
        MaintenanceWindow window = MaintenanceWindow.schedule(define(draft), now());
        windows.persist(window);
        events.record(window, new WindowChange.Scheduled());
        return window;
    }

    /**
     * Redefines a window; with {@code effectiveFrom}, only from that date on.
     *
     * @return the window now in force (a new one when the series was split)
     */
    @Transactional
    public MaintenanceWindow update(UUID id, @Valid WindowRequest draft, LocalDate effectiveFrom) {
        MaintenanceWindow window = windows.get(id);
        WindowDefinition definition = define(draft);
        if (effectiveFrom != null) {
            horizon().check("effectiveFrom", effectiveFrom);
        }
        if (effectiveFrom == null) {
            events.record(window, window.redefine(definition, now()));
            return window;
        }
        MaintenanceWindow current = window.changeFrom(effectiveFrom, definition, now());
        events.record(window, new WindowChange.Updated());
        if (current != window) {
            windows.persist(current);
            events.record(current, new WindowChange.Scheduled());
        }
        return current;
    }

    @Transactional
    public MaintenanceWindow cancel(UUID id, @Size(max = 1000) @NoIdentityNumber @PlainText String reason) {
        MaintenanceWindow window = windows.get(id);
        events.record(window, window.cancel(reason, now()));
        return window;
    }

    @Transactional
    public MaintenanceWindow cancelOccurrence(
            UUID id, LocalDate date, @Size(max = 1000) @NoIdentityNumber @PlainText String reason) {
        horizon().check("date", date);
        MaintenanceWindow window = windows.get(id);
        events.record(window, window.cancelOccurrence(date, reason, now()));
        return window;
    }

    @Transactional
    public MaintenanceWindow moveOccurrence(
            UUID id,
            LocalDate date,
            LocalDateTime newStart,
            LocalDateTime newEnd,
            @Size(max = 1000) @NoIdentityNumber @PlainText String reason) {
        PlanningHorizon horizon = horizon();
        horizon.check("date", date);
        horizon.check("start", newStart);
        MaintenanceWindow window = windows.get(id);
        events.record(window, window.moveOccurrence(date, newStart, newEnd, reason, now()));
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
        return occurrences(window, now, now.plusYears(5), count);
    }

    /**
     * The next {@code count} occurrences a draft would have (from its start, or from today for a series
     * that began earlier), checked exactly as saving it would check it; nothing is stored.
     */
    @Transactional
    public List<Occurrence> preview(@Valid WindowRequest draft, int count) {
        return expand(define(draft), count);
    }

    /**
     * Which of a draft's next {@code count} occurrences fall in its region's support hours (a daytime
     * stop that clinics notice at work), so a planner can be asked to confirm before saving it.
     */
    @Transactional
    public List<Occurrence> duringSupportHours(@Valid WindowRequest draft, int count) {
        WindowDefinition definition = define(draft);
        Region region = catalog.region(definition.region()).orElseThrow();
        return expand(definition, count).stream()
                .filter(o -> region.duringSupportHours(
                        o.startsAt().toInstant(), o.endsAt().toInstant()))
                .toList();
    }

    private List<Occurrence> expand(WindowDefinition d, int count) {
        return d.next(LocalDateTime.ofInstant(now(), d.zone()).toLocalDate(), count);
    }

    /**
     * Occurrences of all matching windows overlapping [from, to) (local dates in each window's zone),
     * sorted by start; {@code from} defaults to today in Sweden, {@code to} to a year later. Both must
     * lie within the planning horizon and at most {@link OccurrencesConfig#maxRange()} apart. Refuses a
     * range that yields more than the configured maximum, rather than silently cutting it.
     */
    @Transactional
    public List<WindowOccurrence> occurrences(String region, String system, LocalDate from, LocalDate to) {
        PlanningHorizon horizon = horizon();
        LocalDate start = from == null ? LocalDate.ofInstant(now(), SWEDEN) : from;
        horizon.check("from", start);
        LocalDate end = to != null
                ? to
                : start.plusMonths(12).isAfter(horizon.latest()) ? horizon.latest() : start.plusMonths(12);
        horizon.check("to", end);
        if (!end.isAfter(start)) {
            throw new InvalidFieldException("to", "must be after from (" + start + ")");
        }
        if (start.plus(limits.maxRange()).isBefore(end)) {
            throw new InvalidFieldException(
                    "to", "a range may span at most " + limits.maxRange() + "; ask for a shorter one");
        }
        checkRegion(region);
        int maxOccurrences = limits.maxPerRequest();
        List<WindowOccurrence> result = new ArrayList<>();
        for (MaintenanceWindow window : windows.matching(region, system)) {
            for (Occurrence o : occurrences(window, start.atStartOfDay(), end.atStartOfDay(), maxOccurrences + 1)) {
                result.add(new WindowOccurrence(window, o));
                if (result.size() > maxOccurrences) {
                    throw new InvalidFieldException(
                            "to",
                            "the range " + start + " to " + end + " holds more than " + maxOccurrences
                                    + " occurrences; ask for a shorter range");
                }
            }
        }
        result.sort(Comparator.comparing(
                        (WindowOccurrence o) -> o.occurrence().startsAt().toInstant())
                .thenComparing(o -> o.window().id()));
        return result;
    }

    /**
     * The occurrences of one window overlapping [{@code from}, {@code to}) in its local time, sorted by
     * start, at most {@code max}. The API reads a window exactly as every consumer reads its event:
     * {@link WindowSchedule} applied to the snapshot that is published.
     */
    private static List<Occurrence> occurrences(
            MaintenanceWindow window, LocalDateTime from, LocalDateTime to, int max) {
        ZoneId zone = window.zone();
        List<Occurrence> result = WindowSchedule.overlapping(
                        WindowEvents.snapshot(window),
                        from.atZone(zone).toInstant(),
                        to.atZone(zone).toInstant())
                .stream()
                .map(o -> new Occurrence(
                        o.originalStart(), o.start(), o.end(), zone, OccurrenceStatus.valueOf(o.status()), o.reason()))
                .toList();
        return result.size() > max ? result.subList(0, max) : result;
    }

    /** Turns a planner's draft into a definition, checking it against the catalog and the horizon. */
    private WindowDefinition define(WindowRequest r) {
        return WindowDefinition.of(r, catalog.region(r.region()).orElse(null), horizon());
    }

    /** From the configured earliest date to the configured horizon after today. */
    public PlanningHorizon horizon() {
        return PlanningHorizon.of(limits.earliest(), LocalDate.ofInstant(now(), ZoneOffset.UTC), limits.horizon());
    }

    private String checkRegion(String region) {
        if (region != null && catalog.region(region).isEmpty()) {
            throw new InvalidFieldException("region", "unknown region '" + region + "'");
        }
        return region;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
