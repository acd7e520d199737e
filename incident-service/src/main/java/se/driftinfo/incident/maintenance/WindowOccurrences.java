package se.driftinfo.incident.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.model.Recur;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/**
 * Expands a window's rule into dated occurrences, honouring cancelled and moved ones. The rule is
 * expanded on local date-times in the window's own zone, so "17:00 every third Wednesday" stays 17:00
 * across daylight-saving changes whatever the JVM's default zone.
 */
public final class WindowOccurrences {

    private static final int MAX = 1000;

    private WindowOccurrences() {
    }

    /** One occurrence as instants. */
    public record Occurrence(Instant start, Instant end) {
    }

    /** The occurrences that overlap [{@code from}, {@code to}), sorted by start. */
    public static List<Occurrence> overlapping(WindowV1 window, Instant from, Instant to) {
        if (!"SCHEDULED".equals(window.status())) {
            return List.of();
        }
        ZoneId zone = ZoneId.of(window.timeZone());
        Duration length = Duration.between(window.start(), window.end());
        Map<LocalDateTime, OccurrenceExceptionV1> exceptions = new HashMap<>();
        if (window.exceptions() != null) {
            window.exceptions().forEach(e -> exceptions.put(e.originalStart(), e));
        }
        // Widen by the occurrence length and a day, so DST shifts and long windows are not missed.
        LocalDateTime localFrom = LocalDateTime.ofInstant(from, zone).minus(length).minusDays(1);
        LocalDateTime localTo = LocalDateTime.ofInstant(to, zone).plusDays(1);

        List<Occurrence> result = new ArrayList<>();
        for (LocalDateTime start : originalStarts(window, localFrom, localTo)) {
            if (!exceptions.containsKey(start)) {
                add(result, start, start.plus(length), zone, from, to);
            }
        }
        // A moved occurrence can land far from where it was, so check each one by its new time.
        for (OccurrenceExceptionV1 e : exceptions.values()) {
            if ("MOVED".equals(e.kind()) && e.newStart() != null && e.newEnd() != null) {
                add(result, e.newStart(), e.newEnd(), zone, from, to);
            }
        }
        result.sort(Comparator.comparing(Occurrence::start));
        return result;
    }

    private static List<LocalDateTime> originalStarts(WindowV1 window, LocalDateTime from, LocalDateTime to) {
        LocalDateTime seed = window.start();
        if (window.recurrence() == null || window.recurrence().isBlank()) {
            return List.of(seed);
        }
        List<LocalDateTime> starts = new ArrayList<>(
                new Recur<LocalDateTime>(window.recurrence()).getDates(seed, from, to, MAX));
        // DTSTART is always the first occurrence (RFC 5545), even where the rule would not produce it.
        if (!seed.isBefore(from) && seed.isBefore(to) && !starts.contains(seed)) {
            starts.add(seed);
        }
        return starts;
    }

    private static void add(List<Occurrence> result, LocalDateTime start, LocalDateTime end, ZoneId zone, Instant from,
            Instant to) {
        Instant s = start.atZone(zone).toInstant();
        Instant e = end.atZone(zone).toInstant();
        if (s.isBefore(to) && e.isAfter(from)) {
            result.add(new Occurrence(s, e));
        }
    }
}
