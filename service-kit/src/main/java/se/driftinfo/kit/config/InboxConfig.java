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

    /**
     * How long a consumer waits before it retries an event whose handling failed for a reason that
     * may pass (database unreachable, lock or statement timeout, serialization failure). Doubles on
     * each retry up to {@link #retryMaxBackoff()}; the consumer keeps retrying for as long as the
     * failure lasts, so later events of the partition wait and keep their order.
     */
    @WithDefault("PT0.5S")
    Duration retryBackoff();

    /** The longest wait between two retries of a transient failure. */
    @WithDefault("PT30S")
    Duration retryMaxBackoff();
}
