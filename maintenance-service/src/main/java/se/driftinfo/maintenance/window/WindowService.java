package se.driftinfo.maintenance.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import se.driftinfo.contracts.maintenance.RecurrenceRule;
import se.driftinfo.contracts.maintenance.WindowSchedule;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.maintenance.catalog.CatalogRepository;
import se.driftinfo.maintenance.catalog.Region;

/**
 * The planner's use cases. Each command asks the window to change, then records the change's event, in
 * one transaction.
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
            OccurrencesConfig occurrences) {
        this.windows = windows;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.maxOccurrences = occurrences.maxPerRequest();
    }

    @Transactional
    public MaintenanceWindow schedule(WindowRequest draft) {
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
    public MaintenanceWindow update(UUID id, WindowRequest draft, LocalDate effectiveFrom) {
        MaintenanceWindow window = windows.get(id);
        WindowDefinition definition = define(draft);
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
    public MaintenanceWindow cancel(UUID id, String reason) {
        MaintenanceWindow window = windows.get(id);
        events.record(window, window.cancel(reason, now()));
        return window;
    }

    @Transactional
    public MaintenanceWindow cancelOccurrence(UUID id, LocalDate date, String reason) {
        MaintenanceWindow window = windows.get(id);
        events.record(window, window.cancelOccurrence(date, reason, now()));
        return window;
    }

    @Transactional
    public MaintenanceWindow moveOccurrence(
            UUID id, LocalDate date, LocalDateTime newStart, LocalDateTime newEnd, String reason) {
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
    public List<Occurrence> preview(WindowRequest draft, int count) {
        return expand(define(draft), count);
    }

    /**
     * Which of a draft's next {@code count} occurrences fall in its region's support hours (a daytime
     * stop that clinics notice at work), so a planner can be asked to confirm before saving it.
     */
    @Transactional
    public List<Occurrence> duringSupportHours(WindowRequest draft, int count) {
        WindowDefinition definition = define(draft);
        Region region = catalog.region(definition.region()).orElseThrow();
        return expand(definition, count).stream()
                .filter(o -> region.duringSupportHours(
                        o.startsAt().toInstant(), o.endsAt().toInstant()))
                .toList();
    }

    private List<Occurrence> expand(WindowDefinition d, int count) {
        Duration length = Duration.between(d.start(), d.end());
        LocalDateTime today =
                LocalDateTime.ofInstant(now(), d.zone()).toLocalDate().atStartOfDay();
        List<LocalDateTime> starts = !d.recurring()
                ? List.of(d.start())
                : d.recurrence()
                        .starts(
                                d.start(),
                                d.start().isAfter(today) ? d.start() : today,
                                d.start().plusYears(50),
                                count);
        return starts.stream()
                .map(s -> new Occurrence(s, s, s.plus(length), d.zone(), OccurrenceStatus.SCHEDULED, null))
                .toList();
    }

    /**
     * Occurrences of all matching windows overlapping [from, to) (local dates in each window's zone),
     * sorted by start. Refuses a range that yields more than the configured maximum, rather than
     * silently cutting it.
     */
    @Transactional
    public List<WindowOccurrence> occurrences(String region, String system, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from (" + from + ")");
        }
        checkRegion(region);
        List<WindowOccurrence> result = new ArrayList<>();
        for (MaintenanceWindow window : windows.matching(region, system)) {
            for (Occurrence o : occurrences(window, from.atStartOfDay(), to.atStartOfDay(), maxOccurrences + 1)) {
                result.add(new WindowOccurrence(window, o));
                if (result.size() > maxOccurrences) {
                    throw new InvalidFieldException(
                            "to",
                            "the range " + from + " to " + to + " holds more than " + maxOccurrences
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

    /** Turns a planner's draft into a definition, checking it against the catalog. */
    private WindowDefinition define(WindowRequest r) {
        Region region = catalog.region(r.region())
                .orElseThrow(() -> new InvalidFieldException("region", "unknown region '" + r.region() + "'"));
        for (int i = 0; i < r.systems().size(); i++) {
            String system = r.systems().get(i);
            if (region.system(system).isEmpty()) {
                throw new InvalidFieldException(
                        "systems[" + i + "]", "'" + system + "' is not a system of " + region.name);
            }
        }
        if (!ZoneId.getAvailableZoneIds().contains(r.timeZone())) {
            throw new InvalidFieldException(
                    "timeZone", "'" + r.timeZone() + "' is not an IANA time zone name such as Europe/Stockholm");
        }
        ZoneId zone = ZoneId.of(r.timeZone());
        RecurrenceRule recurrence = null;
        if (r.recurrence() != null && !r.recurrence().isBlank()) {
            try {
                recurrence = RecurrenceRule.parse(r.recurrence(), zone);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("recurrence", e.getMessage());
            }
        }
        return new WindowDefinition(
                r.title().strip(), r.description(), region.code, r.systems(), zone, r.start(), r.end(), recurrence);
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
