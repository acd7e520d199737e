package se.driftinfo.kit.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.driftinfo.kit.domain.OutsideRegionException;

/**
 * The regions the signed-in member of staff may see and change. An operator of Norrbotten gets 403 on
 * another region's report, outage or window, and lists show only Norrbotten. Resources (pages and
 * APIs) ask before they read or change anything that belongs to a region.
 */
@RequestScoped
public class RegionAccess {

    private final SecurityIdentity identity;
    private final AccessConfig config;
    private Optional<Set<String>> limitedTo; // read from the token once per request: lists ask per row

    public RegionAccess(SecurityIdentity identity, AccessConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The regions this account is limited to, or empty when it may work in every region. */
    public Optional<Set<String>> limitedTo() {
        if (limitedTo == null) {
            limitedTo =
                    identity.getPrincipal() instanceof JsonWebToken token && token.containsClaim(config.regionClaim())
                            ? Optional.of(regions(token.getClaim(config.regionClaim())))
                            : Optional.empty();
        }
        return limitedTo;
    }

    public boolean allows(String region) {
        return limitedTo().map(regions -> regions.contains(region)).orElse(true);
    }

    /** Refuses (403) when the account may not work in {@code region}. */
    public void require(String region) {
        if (!allows(region)) {
            throw new OutsideRegionException(region);
        }
    }

    private static Set<String> regions(Object claim) {
        Set<String> regions = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> regions.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> regions.add(String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            regions.add(s.getString());
        } else if (claim != null) {
            regions.add(claim.toString());
        }
        return Set.copyOf(regions);
    }
}
