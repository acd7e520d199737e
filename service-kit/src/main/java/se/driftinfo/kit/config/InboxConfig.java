package se.driftinfo.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The processed-event ledger that makes consumers idempotent. */
@ConfigMapping(prefix = "driftinfo.inbox")
public interface InboxConfig {

    /**
     * How long processed event ids are remembered. Redelivery happens within minutes (a consumer
     * restarting before its offset commit), so a month is ample; a deliberate replay of older events
     * is absorbed by the newest-snapshot-wins rule ({@link se.driftinfo.kit.inbox.Snapshot}).
     */
    @WithDefault("P30D")
    Duration retention();
}
