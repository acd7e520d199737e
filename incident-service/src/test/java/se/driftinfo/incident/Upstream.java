package se.driftinfo.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.catalog.RegionV1.SupportHoursV1;
import se.driftinfo.contracts.catalog.RegionV1.SystemV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.incident.catalog.CatalogRegion;
import se.driftinfo.incident.maintenance.WindowReplica;
import se.driftinfo.infra.InfraTestResource;

/**
 * Plays maintenance-service in tests: real CloudEvents on the real broker, exactly as its outbox relay
 * writes them (binary mode, keyed by aggregate id), then waits until this service has consumed them.
 */
public final class Upstream {

    /** Norrbotten answers 07:00–16:00 on working days; Kronoberg 24/7. */
    public static final List<RegionV1> REGIONS = List.of(
            new RegionV1(
                    "norrbotten",
                    "Region Norrbotten",
                    "Europe/Stockholm",
                    new SupportHoursV1(false, "07:00", "16:00"),
                    List.of(
                            new SystemV1("cosmic", "Cosmic"),
                            new SystemV1("sectra", "Sectra"),
                            new SystemV1("labportalen", "Labportalen"),
                            new SystemV1("vas-las", "VAS läs"),
                            new SystemV1("picsara", "Picsara"),
                            new SystemV1("webcert", "Webcert"),
                            new SystemV1("lifecare-sp", "Lifecare SP"),
                            new SystemV1("pascal", "Pascal"),
                            new SystemV1("npo", "NPÖ"))),
            new RegionV1(
                    "kronoberg",
                    "Region Kronoberg",
                    "Europe/Stockholm",
                    new SupportHoursV1(true, null, null),
                    List.of(
                            new SystemV1("cosmic", "Cosmic"),
                            new SystemV1("tele-q", "Tele-Q"),
                            // one system per test of bursts and outages' linked reports, so counts stay theirs
                            new SystemV1("tidbok", "Tidbok"),
                            new SystemV1("labbsvar", "Labbsvar"),
                            new SystemV1("journalen", "Journalen"),
                            new SystemV1("receptportalen", "Receptportalen"),
                            // ConcurrentIntakeTest's: a burst counted exactly, and reports counted one by one
                            new SystemV1("bokningen", "Bokningen"),
                            new SystemV1("provsvar", "Provsvar"),
                            // GroupCommitTest's: many reports answered each with its own, one refused alone
                            new SystemV1("samlingen", "Samlingen"),
                            new SystemV1("avvisningen", "Avvisningen"),
                            // OtherReplicaTest's: a window, an outage and a burst another replica changed
                            new SystemV1("rontgen", "Röntgen"),
                            new SystemV1("dosering", "Dosering"),
                            new SystemV1("remisser", "Remisser"),
                            // the bad-input tables' own: an outage they keep open covers no other test's reports
                            new SystemV1("felinmatning", "Felinmatning"))));

    private static boolean catalogPublished;

    private Upstream() {}

    /** Publishes the test catalog once per JVM and waits for the replica. */
    public static synchronized void catalog() {
        if (!catalogPublished) {
            for (RegionV1 region : REGIONS) {
                send(Topics.CATALOG, region.code(), EventTypes.REGION_PUBLISHED, EventSources.MAINTENANCE, region);
            }
            catalogPublished = true;
        }
        await(Duration.ofSeconds(30), "the catalog replica", () -> QuarkusTransaction.requiringNew()
                .call(() -> REGIONS.stream().allMatch(r -> CatalogRegion.findById(r.code()) != null)));
    }

    /** Publishes a window event and waits until the replica holds that state of the window. */
    public static void window(String type, WindowEventV1 event) {
        send(Topics.MAINTENANCE, event.window().id().toString(), type, EventSources.MAINTENANCE, event);
        await(Duration.ofSeconds(30), "the window replica", () -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    WindowReplica replica =
                            WindowReplica.findById(event.window().id());
                    return replica != null
                            && replica.status.equals(event.window().status())
                            && replica.updatedAt.equals(event.window().updatedAt());
                }));
    }

    /** Waits until this service's consumers have handled the event with this id. */
    public static void awaitProcessed(UUID eventId) {
        await(Duration.ofSeconds(30), "event " + eventId, () -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) CatalogRegion.getEntityManager()
                                        .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                                        .setParameter(1, eventId)
                                        .getSingleResult())
                                .longValue()
                        > 0));
    }

    /** @return the CloudEvents id it was sent with */
    public static UUID send(String topic, String key, String type, String source, Object data) {
        return InfraTestResource.kafka().publish(topic, key, type, source, EventJson.write(data));
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
