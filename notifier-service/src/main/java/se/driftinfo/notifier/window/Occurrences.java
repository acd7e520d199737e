package se.driftinfo.notifier.window;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Recur;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/**
 * Expands a window into its occurrences, cancelled ones removed and moved ones at their new time.
 * Works on {@code ZonedDateTime} in the window's own zone so that the JVM's default zone never
 * matters (iCal4j #746) and 17:00 stays 17:00 across daylight-saving changes.
 */
public final class Occurrences {

    private Occurrences() {
    }

    /** Occurrences whose (actual) start lies in {@code [from, to)}, sorted by start. */
    public static List<Occurrence> between(WindowV1 window, ZonedDateTime from, ZonedDateTime to) {
        if ("CANCELLED".equals(window.status())) {
            return List.of();
        }
        ZoneId zone = ZoneId.of(window.timeZone());
        Duration length = Duration.between(window.start(), window.end());
        Map<LocalDateTime, OccurrenceExceptionV1> exceptions = exceptions(window);
        List<Occurrence> result = new ArrayList<>();
        // Moved occurrences may land outside [from, to) although their rule date is inside, or the
        // reverse: widen the search by the furthest move, then filter on the actual start.
        Duration slack = exceptions.values().stream()
                .filter(e -> "MOVED".equals(e.kind()))
                .map(e -> Duration.between(e.originalStart(), e.newStart()).abs())
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO).plusDays(1);
        for (LocalDateTime original : originalStarts(window, zone, from.minus(slack), to.plus(slack))) {
            OccurrenceExceptionV1 exception = exceptions.get(original);
            Occurrence occurrence;
            if (exception == null) {
                ZonedDateTime start = original.atZone(zone);
                occurrence = new Occurrence(original, start, original.plus(length).atZone(zone), false);
            } else if ("MOVED".equals(exception.kind())) {
                occurrence = new Occurrence(original, exception.newStart().atZone(zone), exception.newEnd().atZone(zone),
                        true);
            } else {
                continue; // cancelled
            }
            if (!occurrence.start().isBefore(from) && occurrence.start().isBefore(to)) {
                result.add(occurrence);
            }
        }
        result.sort(Comparator.comparing(Occurrence::start));
        return result;
    }

    /** The rule's starts (local) in {@code [from, to]}, before exceptions; a one-off has just its start. */
    static List<LocalDateTime> originalStarts(WindowV1 window, ZoneId zone, ZonedDateTime from, ZonedDateTime to) {
        ZonedDateTime seed = window.start().atZone(zone);
        if (window.recurrence() == null || window.recurrence().isBlank()) {
            return seed.isBefore(from) || seed.isAfter(to) ? List.of() : List.of(window.start());
        }
        Recur<ZonedDateTime> recur = new Recur<>(window.recurrence());
        ZonedDateTime rangeStart = from.isBefore(seed) ? seed : from.withZoneSameInstant(zone);
        if (rangeStart.isAfter(to)) {
            return List.of();
        }
        return recur.getDates(seed, rangeStart, to.withZoneSameInstant(zone)).stream()
                .map(d -> d.withZoneSameInstant(zone).toLocalDateTime())
                .distinct().sorted().toList();
    }

    static Map<LocalDateTime, OccurrenceExceptionV1> exceptions(WindowV1 window) {
        if (window.exceptions() == null) {
            return Map.of();
        }
        return window.exceptions().stream().collect(
                Collectors.toMap(OccurrenceExceptionV1::originalStart, Function.identity(), (a, b) -> b.sequence() >= a.sequence() ? b : a));
    }
}
