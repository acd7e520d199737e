package se.driftinfo.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The helpdesk's rules that operations may tune without a release. */
@ConfigMapping(prefix = "driftinfo.incident")
public interface IncidentConfig {

    /** How long before a maintenance window starts a report is already "covered" by it. */
    Duration imminentWindow();

    /**
     * How long the catalog (regions, systems, support hours) held in memory may go unread from the
     * database: how soon a catalog change consumed by another replica of the service is seen here.
     */
    @WithDefault("PT10S")
    Duration catalogRefresh();

    /**
     * How long the scheduled maintenance windows held in memory may go unread from the database: how soon
     * a window change consumed by another replica of the service is seen here.
     */
    @WithDefault("PT10S")
    Duration windowRefresh();

    /**
     * How long which systems have an active outage, held in memory, may go unread from the database: how
     * soon an outage declared on another replica of the service covers the reports that arrive here.
     */
    @WithDefault("PT2S")
    Duration outageRefresh();

    /** Burst detection: many reports for one system in one region and no outage declared. */
    Burst burst();

    /** SLA targets per priority ({@code P1}…{@code P4}), counted in support hours. */
    Map<String, Targets> sla();

    /**
     * API keys of care providers' own systems, by provider name. A key may report faults only for units
     * of its own organisation. Only the SHA-256 of each key is configured, never the key itself.
     */
    Map<String, ApiKey> apiKeys();

    interface ApiKey {
        /** Hex SHA-256 of the key the provider sends in {@code X-Api-Key}. */
        String keySha256();

        /** The provider's 10-digit organisation number: the one its reporters' HSA-ids must carry. */
        String organisation();

        /**
         * The rate limit (a name configured under {@code driftinfo.rate-limits}) this key's reports count
         * against, so that a provider with many units can be given a larger one than the default.
         */
        @WithDefault("fault-report-api-key")
        String rateLimit();
    }

    interface Burst {
        /** How many reports make a burst. */
        int reports();

        /** Within how long those reports must arrive. */
        Duration within();

        /**
         * How long a suggestion seen open is taken to be open without asking the database again: how soon a
         * suggestion closed on another replica lets reports here open a new one.
         */
        @WithDefault("PT2S")
        Duration openRecheck();
    }

    interface Targets {
        /** Until the helpdesk first answers. */
        Duration response();

        /** Until the fault is resolved. */
        Duration resolve();
    }
}
