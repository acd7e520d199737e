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

/**
 * Announces what a command changed through the outbox, in the caller's transaction. Each event carries
 * the whole window as it now is, so a consumer needs only the newest one.
 */
@ApplicationScoped
public class WindowEvents {

    private final Outbox outbox;

    public WindowEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Records the event of {@code change}, made to {@code window}; call it after the change. */
    public void record(MaintenanceWindow window, WindowChange change) {
        WindowV1 now = snapshot(window);
        if (change instanceof WindowChange.Scheduled) {
            add(window, EventTypes.WINDOW_SCHEDULED, new WindowEventV1(now, null, null));
        } else if (change instanceof WindowChange.Updated) {
            add(window, EventTypes.WINDOW_UPDATED, new WindowEventV1(now, null, null));
        } else if (change instanceof WindowChange.Cancelled c) {
            add(window, EventTypes.WINDOW_CANCELLED, new WindowEventV1(now, null, c.reason()));
        } else if (change instanceof WindowChange.OccurrenceCancelled c) {
            add(
                    window,
                    EventTypes.OCCURRENCE_CANCELLED,
                    new WindowEventV1(now, new OccurrenceChangeV1(c.originalStart(), null, null), c.reason()));
        } else if (change instanceof WindowChange.OccurrenceMoved m) {
            add(
                    window,
                    EventTypes.OCCURRENCE_MOVED,
                    new WindowEventV1(
                            now, new OccurrenceChangeV1(m.originalStart(), m.newStart(), m.newEnd()), m.reason()));
        } else {
            throw new IllegalArgumentException("no event for " + change);
        }
    }

    /** The window as the contract publishes it: also what every reader expands into occurrences. */
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

    private void add(MaintenanceWindow window, String type, WindowEventV1 event) {
        outbox.add(Topics.MAINTENANCE, window.id().toString(), type, EventSources.MAINTENANCE, event);
    }
}
