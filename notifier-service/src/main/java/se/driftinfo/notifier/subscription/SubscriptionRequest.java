package se.driftinfo.notifier.subscription;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/subscriptions}. {@code systems} may be empty: every system of the regions.
 */
public record SubscriptionRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotEmpty @Size(max = 20) List<@NotBlank String> regions,
        @Size(max = 100) List<@NotBlank String> systems,

        @NotNull @Pattern(regexp = "sv|en", message = "must be sv or en")
        String language) {}
