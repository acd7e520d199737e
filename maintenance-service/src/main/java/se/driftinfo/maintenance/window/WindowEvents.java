package se.driftinfo.maintenance.window;

import jakarta.enterprise.context.ApplicationScoped;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceChangeV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.kit.outbox.Outbox;

/** Announces window changes through the outbox, each with the whole window as it now is. */
@ApplicationScoped
public class WindowEvents {

    private final Outbox outbox;

    public WindowEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void scheduled(MaintenanceWindow w) {
        emit(EventTypes.WINDOW_SCHEDULED, w, null, null);
    }

    public void updated(MaintenanceWindow w) {
        emit(EventTypes.WINDOW_UPDATED, w, null, null);
    }

    public void cancelled(MaintenanceWindow w, String reason) {
        emit(EventTypes.WINDOW_CANCELLED, w, null, reason);
    }

    public void occurrenceCancelled(MaintenanceWindow w, OccurrenceException e) {
        emit(EventTypes.OCCURRENCE_CANCELLED, w, new OccurrenceChangeV1(e.originalStart(), null, null), e.reason());
    }

    public void occurrenceMoved(MaintenanceWindow w, OccurrenceException e) {
        emit(
                EventTypes.OCCURRENCE_MOVED,
                w,
                new OccurrenceChangeV1(e.originalStart(), e.newStart(), e.newEnd()),
                e.reason());
    }

    private void emit(String type, MaintenanceWindow w, OccurrenceChangeV1 change, String reason) {
        outbox.add(
                Topics.MAINTENANCE,
                w.id().toString(),
                type,
                EventSources.MAINTENANCE,
                new WindowEventV1(snapshot(w), change, reason));
    }

    static WindowV1 snapshot(MaintenanceWindow w) {
        return new WindowV1(
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
                w.status().name(),
                w.exceptions().stream()
                        .map(e -> new OccurrenceExceptionV1(
                                e.originalStart(), e.kind().name(), e.newStart(), e.newEnd(), e.reason(), e.sequence()))
                        .toList(),
                w.supersedes(),
                w.updatedAt());
    }
}
