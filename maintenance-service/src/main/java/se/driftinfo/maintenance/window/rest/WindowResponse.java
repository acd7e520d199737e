package se.driftinfo.maintenance.window.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import se.driftinfo.maintenance.window.MaintenanceWindow;
import se.driftinfo.maintenance.window.Occurrence;
import se.driftinfo.maintenance.window.OccurrenceStatus;
import se.driftinfo.maintenance.window.WindowOccurrence;
import se.driftinfo.maintenance.window.WindowStatus;

/** A window as the API shows it, with its exceptions and next occurrences. */
public record WindowResponse(
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
        WindowStatus status,
        UUID supersedes,
        List<ExceptionView> exceptions,
        List<OccurrenceResponse> next,
        Instant createdAt,
        Instant updatedAt) {

    public record ExceptionView(
            LocalDateTime originalStart,
            OccurrenceStatus status,
            LocalDateTime newStart,
            LocalDateTime newEnd,
            String reason) {}

    /** One occurrence; {@code startsAt}/{@code endsAt} carry the UTC offset in force on that date. */
    public record OccurrenceResponse(
            UUID windowId,
            String title,
            String region,
            List<String> systems,
            String timeZone,
            LocalDateTime originalStart,
            LocalDateTime start,
            LocalDateTime end,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OccurrenceStatus status,
            String reason) {}

    static WindowResponse of(MaintenanceWindow w, List<Occurrence> next) {
        return new WindowResponse(
                w.id(),
                w.sequence(),
                w.title(),
                w.description(),
                w.region(),
                w.systems(),
                w.zone().getId(),
                w.start(),
                w.end(),
                w.recurrence(),
                w.status(),
                w.supersedes(),
                w.exceptions().stream()
                        .map(e -> new ExceptionView(e.originalStart(), e.kind(), e.newStart(), e.newEnd(), e.reason()))
                        .toList(),
                next.stream().map(o -> occurrence(w, o)).toList(),
                w.createdAt(),
                w.updatedAt());
    }

    static OccurrenceResponse occurrence(WindowOccurrence o) {
        return occurrence(o.window(), o.occurrence());
    }

    static OccurrenceResponse occurrence(MaintenanceWindow w, Occurrence o) {
        return new OccurrenceResponse(
                w.id(),
                w.title(),
                w.region(),
                w.systems(),
                w.zone().getId(),
                o.originalStart(),
                o.start(),
                o.end(),
                o.startsAt(),
                o.endsAt(),
                o.status(),
                o.reason());
    }
}
