package se.driftinfo.incident.catalog;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.inbox.EventHandler;
import se.driftinfo.kit.inbox.IdempotentConsumer;
import se.driftinfo.kit.inbox.IncomingEvent;

/** Keeps the catalog replica equal to the compacted catalog topic: one record replaces one region. */
@ApplicationScoped
public class CatalogConsumer {

    private static final String CONSUMER = "incident-catalog";

    private final CatalogRepository catalog;
    private final IdempotentConsumer inbox;
    private final EventHandler handler;
    private final Event<KnownCatalog.Changed> changed;

    public CatalogConsumer(CatalogRepository catalog, IdempotentConsumer inbox, Event<KnownCatalog.Changed> changed) {
        this.catalog = catalog;
        this.inbox = inbox;
        this.changed = changed;
        this.handler = EventHandler.on(RegionV1.class, this::apply);
    }

    @Incoming("catalog")
    @Blocking // the kit opens a transaction per attempt (retries need a fresh one)
    void on(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, handler);
    }

    private void apply(IncomingEvent event, RegionV1 region) {
        CatalogRegion replica = catalog.region(region.code()).orElseGet(CatalogRegion::new);
        boolean isNew = replica.code == null;
        replica.replaceWith(region);
        if (isNew) {
            catalog.persist(replica);
        }
        // The copy in memory is read again once this commits.
        changed.fire(new KnownCatalog.Changed(region.code()));
    }
}
