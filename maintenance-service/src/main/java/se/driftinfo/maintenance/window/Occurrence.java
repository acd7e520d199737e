package se.driftinfo.maintenance.window;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One dated instance of a window, in the window's local time.
 *
 * @param originalStart where the rule put it (the key for cancel and move)
 * @param start where it is now (differs from originalStart when moved)
 */
public record Occurrence(
        LocalDateTime originalStart,
        LocalDateTime start,
        LocalDateTime end,
        ZoneId zone,
        OccurrenceStatus status,
        String reason) {

    public OffsetDateTime startsAt() {
        return start.atZone(zone).toOffsetDateTime();
    }

    public OffsetDateTime endsAt() {
        return end.atZone(zone).toOffsetDateTime();
    }
}
