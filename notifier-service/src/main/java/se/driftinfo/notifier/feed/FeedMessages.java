package se.driftinfo.notifier.feed;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The feeds' texts. Public feeds are in Swedish: one calendar serves every reader. */
@MessageBundle(value = "feed", locale = "sv")
public interface FeedMessages {

    @Message("Driftinfo – alla regioner")
    String allRegions();

    /** The all-regions feed where a page lists the feeds. */
    @Message("Alla regioner")
    String allRegionsListed();

    /** A feed of one region or one system. */
    @Message("Driftinfo – {name}")
    String named(String name);

    /** A subscriber's private feed. */
    @Message("Driftinfo – mina system")
    String mine();

    @Message("Berörda system: {systems}")
    String affectedSystems(String systems);

    @Message("Driftstörning: {title}")
    String outage(String title);

    @Message("Driftstörning (åtgärdad): {title}")
    String resolvedOutage(String title);

    /** What an outage event says: the impact, the systems, what to do, and the reference to quote. */
    @Message("{#if down}Systemet är nere{#else}Systemet fungerar delvis{/if}: {systems}.\n"
            + "{#if resolved}Ni kan avsluta reservrutinen.{#else}Starta er reservrutin.{/if}\n"
            + "Referens: {reference}")
    String outageDescription(boolean down, String systems, boolean resolved, String reference);
}
