package se.driftinfo.notifier.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.inbox.IncomingEvent;
import se.driftinfo.kit.inbox.ProcessedEvents;

/** Keeps the catalog replica equal to the compacted catalog topic. */
@ApplicationScoped
public class CatalogConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);

    private final ProcessedEvents processedEvents;

    public CatalogConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming("catalog")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!processedEvents.firstTime("notifier-catalog", event.id())) {
            return;
        }
        if (!EventTypes.REGION_PUBLISHED.equals(event.type())) {
            LOG.debugf("Ignoring %s on the catalog topic", event.type());
            return;
        }
        RegionV1 region = event.data(RegionV1.class);
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
