package se.driftinfo.contracts.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/**
 * How a published window expands into dated occurrences: the one reading of {@link WindowV1} that
 * every consumer shares, so the calendar feed, the reminders and the fault-report cover can never
 * disagree about when a window is. Expansion is in local wall-clock time of the window's zone
 * ({@link RecurrenceRule}); instants are derived at the end.
 */
public final class WindowSchedule {

    /** Moves are looked for this far around the asked range (a moved occurrence may land far away). */
    private static final int MAX_ORIGINALS = 5000;

    private WindowSchedule() {}

    /**
     * One occurrence.
     *
     * @param originalStart where the rule put it (iCal RECURRENCE-ID)
     * @param status {@code SCHEDULED}, {@code MOVED} or {@code CANCELLED} (an occurrence, or the whole series)
     */
    public record Occurrence(
            LocalDateTime originalStart,
            LocalDateTime start,
            LocalDateTime end,
            ZoneId zone,
            String status,
            String reason) {

        public Instant startsAt() {
            return start.atZone(zone).toInstant();
        }

        public Instant endsAt() {
            return end.atZone(zone).toInstant();
        }

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }
    }

    /**
     * Every occurrence, cancelled ones included and marked, that overlaps [{@code from}, {@code to}),
     * sorted by start.
     */
    public static List<Occurrence> overlapping(WindowV1 window, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(window.timeZone());
        Duration length = Duration.between(window.start(), window.end());
        boolean seriesCancelled = "CANCELLED".equals(window.status());
        Map<LocalDateTime, OccurrenceExceptionV1> exceptions = new HashMap<>();
        if (window.exceptions() != null) {
            window.exceptions()
                    .forEach(e ->
                            exceptions.merge(e.originalStart(), e, (a, b) -> b.sequence() >= a.sequence() ? b : a));
        }
        // Local bounds widened by the length and a day, so DST shifts and long windows are not missed.
        LocalDateTime localFrom =
                LocalDateTime.ofInstant(from, zone).minus(length).minusDays(1);
        LocalDateTime localTo = LocalDateTime.ofInstant(to, zone).plusDays(1);
        List<LocalDateTime> originals;
        if (window.recurrence() == null || window.recurrence().isBlank()) {
            originals = List.of(window.start());
        } else {
            originals = RecurrenceRule.parse(window.recurrence(), zone)
                    .starts(window.start(), localFrom, localTo, MAX_ORIGINALS);
        }
        List<Occurrence> result = new ArrayList<>();
        for (LocalDateTime original : originals) {
            OccurrenceExceptionV1 e = exceptions.get(original);
            if (e != null && "MOVED".equals(e.kind())) {
                continue; // listed below at its new time
            }
            String status = seriesCancelled || e != null ? "CANCELLED" : "SCHEDULED";
            add(
                    result,
                    new Occurrence(
                            original, original, original.plus(length), zone, status, e == null ? null : e.reason()),
                    from,
                    to);
        }
        for (OccurrenceExceptionV1 e : exceptions.values()) {
            if ("MOVED".equals(e.kind()) && e.newStart() != null && e.newEnd() != null) {
                add(
                        result,
                        new Occurrence(
                                e.originalStart(),
                                e.newStart(),
                                e.newEnd(),
                                zone,
                                seriesCancelled ? "CANCELLED" : "MOVED",
                                e.reason()),
                        from,
                        to);
            }
        }
        result.sort(Comparator.comparing(Occurrence::startsAt));
        return result;
    }

    /** As {@link #overlapping}, without cancelled occurrences: when the system is really down. */
    public static List<Occurrence> active(WindowV1 window, Instant from, Instant to) {
        return overlapping(window, from, to).stream()
                .filter(o -> !o.cancelled())
                .toList();
    }

    private static void add(List<Occurrence> result, Occurrence o, Instant from, Instant to) {
        if (o.startsAt().isBefore(to) && o.endsAt().isAfter(from)) {
            result.add(o);
        }
    }
}
