package se.driftinfo.incident.report;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import se.driftinfo.incident.catalog.KnownSystem;
import se.driftinfo.incident.validation.HsaId;
import se.driftinfo.kit.validation.NoIdentityNumber;

/**
 * A fault report as a clinic sends it, through the REST API (this record is the request body) or the
 * web form alike, so one set of constraints names every wrong field whatever the channel. Urgency and
 * language stay text: a wrong value is named with the other fields rather than failing the body.
 *
 * @param observedAt when the clinic first saw the fault; optional
 * @param language {@code sv} (the default) or {@code en}: the language of mail to the reporter
 */
@KnownSystem
public record ReportInput(
        @HsaId String reporterHsaId,

        @NotBlank(message = "is required")
        @Size(min = 2, max = 200, message = "must be {min} to {max} characters")
        @NoIdentityNumber
        String unitName,

        @NotBlank(message = "is required")
        @Size(min = 2, max = 100, message = "must be {min} to {max} characters")
        @NoIdentityNumber
        String contactName,

        @NotBlank(message = "is required")
        @Size(max = 254, message = "must be at most {max} characters")
        @Email(regexp = EMAIL, message = "must be an e-mail address like name@example.se")
        @NoIdentityNumber
        String contactEmail,

        @Pattern(
                regexp = "\\s*|[+0-9 ()-]{5,30}",
                message = "must be a phone number of digits, spaces, +, - and parentheses (5 to 30 characters)")
        @NoIdentityNumber
        String contactPhone,

        String region,
        String system,

        @NotBlank(message = "is required")
        @Size(min = 10, max = 4000, message = "must be {min} to {max} characters")
        @NoIdentityNumber
        String description,

        @NotBlank(message = "is required: LOW, MEDIUM or HIGH")
        @Pattern(regexp = "(?i)\\s*(LOW|MEDIUM|HIGH)?\\s*", message = "must be one of LOW, MEDIUM, HIGH")
        String urgency,

        OffsetDateTime observedAt,

        @Pattern(regexp = "\\s*|sv|en", message = "must be sv or en")
        String language)
        implements KnownSystem.Named {

    /** A dot in the domain as well: {@code @Email} alone takes {@code name@host}. */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
}
