package se.driftinfo.notifier.subscription;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.driftinfo.contracts.catalog.CatalogCodes;
import se.driftinfo.kit.validation.NoIdentityNumber;

/**
 * {@code POST /api/subscriptions}. {@code systems} may be empty: every system of the regions.
 *
 * <p>The address is the only free text: it is stored and goes into a mail header, so it is one plain
 * address (no display name, list, quotes, spaces or line breaks that could add headers or recipients)
 * and holds no identity number. Region and system codes are checked against the catalog.
 */
public record SubscriptionRequest(
        @NotBlank
        @Email
        @Size(max = 254)
        @Pattern(
                regexp = "[^\\s\\p{Cntrl}\"<>,;()\\[\\]\\\\]+",
                message = "must be one plain address like namn@exempel.se")
        @NoIdentityNumber
        String email,

        @NotEmpty @Size(max = 20)
        List<@NotBlank @Pattern(regexp = CatalogCodes.CODE, message = "must be a region code like norrbotten") String>
                regions,

        @Size(max = 100)
        List<@NotBlank @Pattern(regexp = CatalogCodes.CODE, message = "must be a system code like cosmic") String>
                systems,

        @NotNull @Pattern(regexp = "sv|en", message = "must be sv or en")
        String language) {}
