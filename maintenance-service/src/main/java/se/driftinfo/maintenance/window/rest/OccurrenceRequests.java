package se.driftinfo.maintenance.window.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/** Bodies of the per-occurrence commands. */
public final class OccurrenceRequests {

    private OccurrenceRequests() {}

    public record Cancel(@Size(max = 1000) String reason) {}

    public record Move(
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @Size(max = 1000) String reason) {}
}
