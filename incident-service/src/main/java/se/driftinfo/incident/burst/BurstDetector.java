package se.driftinfo.incident.burst;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.outage.OutageDeclared;
import se.driftinfo.incident.report.FaultReportReceived;
import se.driftinfo.incident.report.FaultReportsReceived;

/**
 * Flags a burst: {@code burst.reports} reports for one system of one region within {@code burst.within}
 * while no outage covers it. One open suggestion per system and region; it counts the reports of its
 * system since its first one.
 *
 * <p>A report never writes to an open suggestion: the count is read from the reports themselves when the
 * helpdesk looks, so a burst of thousands of reports does not queue behind one counter row. A report only
 * looks whether its system's suggestion is open; until it is, the reports of that one system take turns
 * (a lock per system for the rest of their transaction), so that reports arriving together cannot each
 * see fewer than {@code burst.reports} committed ones and leave a burst unflagged.
 *
 * <p>A suggestion seen open is taken to be open for {@code burst.open-recheck} without asking again: during
 * a burst every report of the system asked, a round trip each. Only "open" is remembered, and forgotten as
 * soon as this replica closes a suggestion; "not open" always takes the locked path above, so no burst is
 * missed, and one closed on another replica is at most that long late in being opened again.
 */
@ApplicationScoped
public class BurstDetector {

    private static final Logger LOG = Logger.getLogger(BurstDetector.class);

    /** The first key of the per-system advisory locks; the second is a hash of region and system. */
    private static final int SYSTEM_LOCKS = 0x42757273; // "Burs"

    private final EntityManager em;
    private final IncidentConfig config;
    private final MeterRegistry metrics;
    private final long recheckNanos;

    /** When each system's suggestion was last seen open ({@link System#nanoTime}), by region and system. */
    private final Map<String, Long> seenOpen = new ConcurrentHashMap<>();

    /** Suggestions this replica closed: what was read before one closed is not remembered as open. */
    private final AtomicLong closed = new AtomicLong();

    public BurstDetector(EntityManager em, IncidentConfig config, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.metrics = metrics;
        this.recheckNanos = config.burst().openRecheck().toNanos();
    }

    /**
     * In the transaction that stores the reports. A report an outage or window already explains is no burst
     * (the report's cover was looked up in this transaction, an active outage first).
     *
     * <p>Reports stored together lock every system they need to count at once, in the order of the locks'
     * keys: two batches locking the same two systems can then never wait for each other in a circle.
     */
    @Transactional(TxType.MANDATORY)
    void onReports(@Observes FaultReportsReceived received) {
        Map<String, FaultReportReceived> toCount = new TreeMap<>();
        Set<String> seenHere = new HashSet<>();
        for (FaultReportReceived report : received.reports()) {
            String key = report.region() + "/" + report.system();
            if (report.covered() || !seenHere.add(key)) {
                continue;
            }
            if (!isOpen(report.region(), report.system())) {
                toCount.put(key, report);
            }
        }
        if (toCount.isEmpty()) {
            return; // counted when read
        }
        lockInOrder(toCount.keySet());
        for (FaultReportReceived report : toCount.values()) {
            countLocked(report);
        }
    }

    /** Until a system's suggestion is open its reports take turns: each sees the ones committed before it. */
    private void lockInOrder(Set<String> keys) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("""
                    select count(*) from (
                        select pg_advisory_xact_lock(?, h)
                        from (select distinct hashtext(k) as h from unnest(?) as k order by h) as ordered
                    ) as taken
                    """)) {
                lock.setInt(1, SYSTEM_LOCKS);
                lock.setArray(2, connection.createArrayOf("text", keys.toArray()));
                lock.executeQuery().close();
            }
        });
    }

    private void countLocked(FaultReportReceived report) {
        String region = report.region();
        String system = report.system();
        // Index range (region, system, received_at), at most burst.reports rows: no scan of old reports.
        List<Instant> recent = em.createQuery(
                        "select r.receivedAt from FaultReport r where r.region = ?1 and r.system = ?2"
                                + " and r.receivedAt >= ?3 order by r.receivedAt",
                        Instant.class)
                .setParameter(1, region)
                .setParameter(2, system)
                .setParameter(3, report.receivedAt().minus(config.burst().within()))
                .setMaxResults(config.burst().reports())
                .getResultList();
        if (recent.size() < config.burst().reports()) {
            return;
        }
        // A suggestion opened meanwhile (by a report that did not need the lock) wins.
        int opened = em.createNativeQuery("""
                insert into burst_suggestion (id, region, system, status, first_report_at)
                values (?1, ?2, ?3, 'OPEN', ?4)
                on conflict (region, system) where status = 'OPEN' do nothing
                """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, region)
                .setParameter(3, system)
                .setParameter(4, recent.get(0))
                .executeUpdate();
        if (opened == 1) {
            metrics.counter("driftinfo.burst.detections", "region", region).increment();
            LOG.infof(
                    "Burst: %d reports for %s in %s within %s and no outage declared",
                    recent.size(), system, region, config.burst().within());
        }
    }

    private boolean isOpen(String region, String system) {
        String key = region + "/" + system;
        Long seen = seenOpen.get(key);
        if (seen != null && System.nanoTime() - seen < recheckNanos) {
            return true;
        }
        long closedBefore = closed.get();
        boolean open = isOpenInDatabase(region, system);
        if (!open) {
            seenOpen.remove(key);
        } else if (closed.get() == closedBefore) {
            seenOpen.put(key, System.nanoTime());
        }
        return open;
    }

    private boolean isOpenInDatabase(String region, String system) {
        return !em.createQuery(
                        "select s.id from BurstSuggestion s where s.status = 'OPEN' and s.region = ?1 and s.system = ?2",
                        UUID.class)
                .setParameter(1, region)
                .setParameter(2, system)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * The open suggestions, the one with the latest report first, each with its reports counted: every
     * report of its system and region since its first one.
     */
    public List<BurstSuggestion> open() {
        List<Object[]> rows = em.createQuery(
                        "select s, count(r.id), max(r.receivedAt) from BurstSuggestion s left join FaultReport r"
                                + " on r.region = s.region and r.system = s.system and r.receivedAt >= s.firstReportAt"
                                + " where s.status = 'OPEN' group by s",
                        Object[].class)
                .getResultList();
        return rows.stream()
                .map(row -> ((BurstSuggestion) row[0]).counted(((Number) row[1]).intValue(), (Instant) row[2]))
                .sorted(Comparator.comparing((BurstSuggestion s) -> s.lastReportAt)
                        .reversed())
                .toList();
    }

    /** A declared outage answers the suggestions for its systems, in the transaction that declares it. */
    @Transactional(TxType.MANDATORY)
    void onOutage(@Observes OutageDeclared outage) {
        em.createQuery(
                        "from BurstSuggestion where status = 'OPEN' and region = ?1 and system in ?2",
                        BurstSuggestion.class)
                .setParameter(1, outage.region())
                .setParameter(2, outage.systems())
                .getResultList()
                .forEach(s -> s.declaredAs(outage.id()));
    }

    void onOutageCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageDeclared outage) {
        forgetOpen();
    }

    void onClosedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) BurstSuggestion.Closed suggestion) {
        forgetOpen();
    }

    /** Closing is rare: everything remembered is forgotten, and the next report of each system asks again. */
    private void forgetOpen() {
        closed.incrementAndGet();
        seenOpen.clear();
    }
}
