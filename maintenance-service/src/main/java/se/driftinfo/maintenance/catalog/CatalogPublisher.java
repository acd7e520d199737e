package se.driftinfo.maintenance.catalog;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.outbox.Outbox;

/**
 * Keeps the log-compacted catalog topic equal to the database: on start-up, every region whose
 * content changed since it was last published goes out again (through the outbox). Running it on
 * several replicas at once only republishes the same record, which compaction absorbs.
 */
@ApplicationScoped
public class CatalogPublisher {

    private static final Logger LOG = Logger.getLogger(CatalogPublisher.class);

    private final CatalogRepository catalog;
    private final Outbox outbox;

    public CatalogPublisher(CatalogRepository catalog, Outbox outbox) {
        this.catalog = catalog;
        this.outbox = outbox;
    }

    void onStart(@Observes StartupEvent start) {
        publishChanged();
    }

    @Transactional
    public int publishChanged() {
        int published = 0;
        for (Region region : catalog.allRegions()) {
            RegionV1 event = CatalogMapper.toEvent(region);
            String hash = sha256(EventJson.write(event));
            if (!hash.equals(region.publishedHash)) {
                outbox.add(Topics.CATALOG, region.code, EventTypes.REGION_PUBLISHED, EventSources.MAINTENANCE, event);
                region.publishedHash = hash;
                published++;
            }
        }
        if (published > 0) {
            LOG.infof("Catalog: %d region(s) queued for the catalog topic", published);
        }
        return published;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
