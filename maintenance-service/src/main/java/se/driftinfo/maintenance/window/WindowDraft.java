package se.driftinfo.maintenance.window;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A window as a planner wrote it, before it is checked against the catalog: what
 * {@link WindowService} needs from a request, whichever way it arrived (the REST body, the demo data).
 * Local {@code start}/{@code end} are in {@code timeZone}; {@code recurrence} is absent for a one-off.
 */
public interface WindowDraft {

    String title();

    String description();

    String region();

    List<String> systems();

    String timeZone();

    LocalDateTime start();

    LocalDateTime end();

    String recurrence();
}
