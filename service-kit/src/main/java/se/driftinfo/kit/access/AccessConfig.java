package se.driftinfo.kit.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which regions a member of staff may work in, as the identity provider says. */
@ConfigMapping(prefix = "driftinfo.access")
public interface AccessConfig {

    /**
     * The token claim listing the region codes an account is limited to (e.g. {@code ["norrbotten"]}).
     * An account without the claim works in every region. Production: DRIFTINFO_ACCESS_REGION_CLAIM.
     */
    @WithDefault("regions")
    String regionClaim();
}
