package se.driftinfo.maintenance.window.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import se.driftinfo.kit.validation.NoIdentityNumber;
import se.driftinfo.maintenance.window.PlainText;

/** Bodies of the per-occurrence commands; a reason is shown to clinics in feeds and mail. */
public final class OccurrenceRequests {

    private OccurrenceRequests() {}

    public record Cancel(
            @Size(max = 1000) @NoIdentityNumber @PlainText String reason) {}

    public record Move(
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @Size(max = 1000) @NoIdentityNumber @PlainText String reason) {}
}
