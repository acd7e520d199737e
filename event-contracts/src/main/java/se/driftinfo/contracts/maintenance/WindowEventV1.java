package se.driftinfo.contracts.maintenance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of every maintenance event. It carries the whole window after the change (event-carried state),
 * so a consumer rebuilds occurrences and iCal {@code SEQUENCE} from the newest event alone, plus what
 * the change was about.
 *
 * @param window the window as it is after the change
 * @param occurrence for occurrence events: which occurrence changed; otherwise {@code null}
 * @param reason the planner's reason for a cancellation, if given
 */
public record WindowEventV1(WindowV1 window, OccurrenceChangeV1 occurrence, String reason) {

    /**
     * A maintenance window: a series with an RFC 5545 rule, or a one-off when {@code recurrence} is null.
     *
     * @param id stable window id; also the iCal UID's base
     * @param sequence starts at 0 and rises on every change of time, rule or cancellation (iCal SEQUENCE)
     * @param start local start of the first occurrence, in {@code timeZone}
     * @param end local end of the first occurrence, in {@code timeZone}
     * @param recurrence RRULE value without the {@code RRULE:} prefix, e.g. {@code FREQ=MONTHLY;BYDAY=3WE}
     * @param status {@code SCHEDULED} or {@code CANCELLED} (the whole series)
     * @param exceptions cancelled and moved occurrences
     * @param supersedes when a series was edited from a date on, the id of the series it continues
     */
    public record WindowV1(
            UUID id,
            int sequence,
            String title,
            String description,
            String region,
            List<String> systems,
            String timeZone,
            LocalDateTime start,
            LocalDateTime end,
            String recurrence,
            String status,
            List<OccurrenceExceptionV1> exceptions,
            UUID supersedes,
            Instant updatedAt) {}

    /**
     * One changed occurrence, identified by its original local start (the iCal RECURRENCE-ID).
     *
     * @param kind {@code CANCELLED} or {@code MOVED}
     * @param newStart for a moved occurrence, its new local start
     * @param newEnd for a moved occurrence, its new local end
     */
    public record OccurrenceExceptionV1(
            LocalDateTime originalStart,
            String kind,
            LocalDateTime newStart,
            LocalDateTime newEnd,
            String reason,
            int sequence) {}

    /** The occurrence an occurrence event is about. */
    public record OccurrenceChangeV1(LocalDateTime originalStart, LocalDateTime newStart, LocalDateTime newEnd) {}
}
