package se.driftinfo.incident.report.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.validation.HsaIdValidator;
import se.driftinfo.kit.problem.Problem;
import se.driftinfo.kit.problem.ProblemException;

/** Checks the per-provider API keys that care providers' own systems report faults with. */
@ApplicationScoped
public class ApiKeys {

    /** A configured key's hash, parsed once: every report from a provider's system is checked against them. */
    private record Known(byte[] sha256, Provider provider) {}

    private final List<Known> keys;

    public ApiKeys(IncidentConfig config) {
        this.keys = config.apiKeys().entrySet().stream()
                .map(e -> new Known(
                        HexFormat.of().parseHex(e.getValue().keySha256()),
                        new Provider(
                                e.getKey(),
                                e.getValue().organisation(),
                                e.getValue().rateLimit())))
                .toList();
    }

    /**
     * A provider's system, known by its key.
     *
     * @param rateLimit the rate limit its reports count against
     */
    public record Provider(String name, String organisation, String rateLimit) {}

    public Optional<Provider> provider(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(key.strip());
        for (Known known : keys) {
            // Constant-time comparison: the response time must not reveal how much of a hash matched.
            if (MessageDigest.isEqual(hash, known.sha256())) {
                return Optional.of(known.provider());
            }
        }
        return Optional.empty();
    }

    /** A provider reports for its own units only. */
    public static void requireOwnUnit(Provider provider, String reporterHsaId) {
        if (HsaIdValidator.problem(reporterHsaId) != null) {
            return; // malformed: validation names it together with the other fields
        }
        if (!reporterHsaId.startsWith("SE" + provider.organisation() + "-")) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "reporterHsaId: this API key may report only for units of organisation " + provider.organisation(),
                    List.of(new Problem.InvalidParam(
                            "reporterHsaId", "is not a unit of organisation " + provider.organisation())));
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
