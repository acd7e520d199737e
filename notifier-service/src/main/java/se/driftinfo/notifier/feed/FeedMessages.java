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

    @Message("Systemet är nere")
    String down();

    @Message("Systemet fungerar delvis")
    String degraded();

    @Message("Starta er reservrutin.")
    String startReserveRoutine();

    @Message("Ni kan avsluta reservrutinen.")
    String stopReserveRoutine();

    @Message("Referens: {reference}")
    String reference(String reference);
}
