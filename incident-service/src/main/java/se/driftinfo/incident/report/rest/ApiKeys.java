package se.driftinfo.incident.report.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.validation.HsaIdValidator;
import se.driftinfo.kit.problem.Problem;
import se.driftinfo.kit.problem.ProblemException;

/** Checks the per-provider API keys that care providers' own systems report faults with. */
@ApplicationScoped
public class ApiKeys {

    private final Map<String, IncidentConfig.ApiKey> keys;

    public ApiKeys(IncidentConfig config) {
        this.keys = config.apiKeys();
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
        for (Map.Entry<String, IncidentConfig.ApiKey> entry : keys.entrySet()) {
            // Constant-time comparison: the response time must not reveal how much of a hash matched.
            if (MessageDigest.isEqual(
                    hash, HexFormat.of().parseHex(entry.getValue().keySha256()))) {
                return Optional.of(new Provider(
                        entry.getKey(),
                        entry.getValue().organisation(),
                        entry.getValue().rateLimit()));
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
