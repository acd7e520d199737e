package se.driftinfo.notifier.window;

import java.time.ZonedDateTime;
import java.util.List;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.contracts.maintenance.WindowSchedule;

/**
 * A window's occurrences as the notifier lists and reminds them: cancelled ones left out, moved ones
 * at their new time. The expansion itself is the contract's {@link WindowSchedule}, shared with
 * maintenance-service and incident-service, so mail, reminders and fault-report cover agree on dates.
 */
public final class Occurrences {

    private Occurrences() {}

    /** Occurrences whose (actual) start lies in {@code [from, to)}, sorted by start. */
    public static List<Occurrence> between(WindowV1 window, ZonedDateTime from, ZonedDateTime to) {
        return WindowSchedule.active(window, from.toInstant(), to.toInstant()).stream()
                .filter(o ->
                        !o.startsAt().isBefore(from.toInstant()) && o.startsAt().isBefore(to.toInstant()))
                .map(o -> new Occurrence(
                        o.originalStart(),
                        o.start().atZone(o.zone()),
                        o.end().atZone(o.zone()),
                        "MOVED".equals(o.status())))
                .toList();
    }

    /**
     * Every occurrence that overlaps {@code [from, to)}, cancelled ones included and marked, sorted by
     * start: what a calendar page shows, so that clinics see a cancellation where the window would have been.
     */
    public static List<Occurrence> overlapping(WindowV1 window, ZonedDateTime from, ZonedDateTime to) {
        return WindowSchedule.overlapping(window, from.toInstant(), to.toInstant()).stream()
                .map(o -> new Occurrence(
                        o.originalStart(),
                        o.start().atZone(o.zone()),
                        o.end().atZone(o.zone()),
                        "MOVED".equals(o.status()),
                        o.cancelled()))
                .toList();
    }
}
