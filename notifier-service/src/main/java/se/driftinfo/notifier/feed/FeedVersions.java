package se.driftinfo.notifier.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import se.driftinfo.notifier.outage.OutageChanged;
import se.driftinfo.notifier.subscription.FeedTokenRenewed;
import se.driftinfo.notifier.subscription.SubscriptionEnded;
import se.driftinfo.notifier.window.WindowChanged;

/**
 * Tells {@link Feeds} when what it rendered is out of date, on every replica.
 *
 * <p>Replicas share one Kafka consumer group, so each consumes only some of the events; the others'
 * changes reach it through the database. Every change to a table a feed is made of raises that
 * table's counter in {@code feed_version} in the same transaction (a trigger, migration V4), and this
 * class reads the counters every {@code driftinfo.notifier.feeds.version-check-every} (default 1 s;
 * one tiny query per replica, none per request). A counter read raised means its change has
 * committed, so whatever is rendered after that sees it, and {@link VersionedCache} never serves a
 * rendering that started before. Chosen over LISTEN/NOTIFY, which needs a connection of its own held
 * open outside the pool, loses what is sent while it reconnects, and would need this same check to
 * be safe: polling one small table loses nothing and bounds the staleness by its period.
 *
 * <p>On the replica that made the change, the change's own CDI event drops the feeds as soon as its
 * transaction commits, so a subscriber who unsubscribes or renews the feed address there sees the
 * old address refused at once. If the check fails (database away), the counters are read as unknown,
 * and the next successful read drops everything.
 */
@ApplicationScoped
public class FeedVersions {

    private static final Logger LOG = Logger.getLogger(FeedVersions.class);
    private static final String SUBSCRIPTIONS = "subscription";

    private final DataSource dataSource;
    private final Feeds feeds;
    /** The counters last read; null while unknown (at start, after a failed read). */
    private Map<String, Long> seen;

    public FeedVersions(DataSource dataSource, Feeds feeds) {
        this.dataSource = dataSource;
        this.feeds = feeds;
    }

    @Scheduled(
            every = "${driftinfo.notifier.feeds.version-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void check() {
        Map<String, Long> now;
        try {
            now = read();
        } catch (SQLException e) {
            LOG.debugf("Feed versions not read (%s); feeds are dropped once they can be read again", e.getMessage());
            seen = null;
            return;
        }
        Map<String, Long> before = seen;
        seen = now;
        boolean content = before == null;
        boolean subscriptions = before == null;
        for (Map.Entry<String, Long> counter : now.entrySet()) {
            if (before != null && !Objects.equals(before.get(counter.getKey()), counter.getValue())) {
                if (SUBSCRIPTIONS.equals(counter.getKey())) {
                    subscriptions = true;
                } else {
                    content = true;
                }
            }
        }
        if (content) {
            feeds.contentChanged();
        }
        if (subscriptions) {
            feeds.subscriptionsChanged();
        }
    }

    private Map<String, Long> read() throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select source, version from feed_version")) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return versions;
    }

    void windowChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) WindowChanged changed) {
        feeds.contentChanged();
    }

    void outageChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageChanged changed) {
        feeds.contentChanged();
    }

    void subscriptionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionEnded ended) {
        feeds.subscriptionsChanged();
    }

    void feedTokenRenewed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedTokenRenewed renewed) {
        feeds.subscriptionsChanged();
    }
}
