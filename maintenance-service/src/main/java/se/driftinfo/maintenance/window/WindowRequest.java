package se.driftinfo.maintenance.window;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import se.driftinfo.kit.validation.NoIdentityNumber;

/**
 * A window as a planner asks for it, whichever way it arrives (the REST body, the demo data), checked
 * by Bean Validation before the service checks it against the catalog: local {@code start}/{@code end} in {@code timeZone}; {@code recurrence}
 * absent for a one-off. Title and description go into every feed and mail: no identity numbers, no
 * control characters. On update, {@code effectiveFrom} changes the series from that date on only.
 */
public record WindowRequest(
        @NotBlank @Size(max = 200) @NoIdentityNumber @PlainText
        String title,

        @Size(max = 4000) @NoIdentityNumber @PlainText String description,
        @NotBlank @Size(max = 50) String region,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 50) String> systems,
        @NotBlank @Size(max = 60) String timeZone,
        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        @Size(max = 500) String recurrence,
        LocalDate effectiveFrom) {}
