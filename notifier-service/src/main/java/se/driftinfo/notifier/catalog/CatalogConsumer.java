package se.driftinfo.notifier.catalog;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.inbox.EventHandler;
import se.driftinfo.kit.inbox.IdempotentConsumer;
import se.driftinfo.kit.inbox.IncomingEvent;

/** Keeps the catalog replica equal to the compacted catalog topic. */
@ApplicationScoped
public class CatalogConsumer {

    private final IdempotentConsumer inbox;
    private final EventHandler handler = EventHandler.on(RegionV1.class, this::apply);

    public CatalogConsumer(IdempotentConsumer inbox) {
        this.inbox = inbox;
    }

    @Incoming("catalog")
    @Blocking // the kit opens a transaction per attempt (retries need a fresh one)
    void on(ConsumerRecord<String, String> record) {
        inbox.consume("notifier-catalog", record, handler);
    }

    private void apply(IncomingEvent event, RegionV1 region) {
        CatalogRegion row = CatalogRegion.findById(region.code());
        if (row == null) {
            row = new CatalogRegion();
            row.code = region.code();
            row.replaceWith(region);
            row.persist();
        } else {
            row.replaceWith(region);
        }
    }
}
