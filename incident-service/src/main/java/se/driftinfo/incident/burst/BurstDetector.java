package se.driftinfo.incident.burst;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.outage.OutageDeclared;
import se.driftinfo.incident.outage.OutageRepository;
import se.driftinfo.incident.report.FaultReportReceived;

/**
 * Flags a burst: {@code burst.reports} reports for one system of one region within {@code burst.within}
 * while no outage covers it. One open suggestion per system and region; later reports raise its count.
 */
@ApplicationScoped
public class BurstDetector {

    private static final Logger LOG = Logger.getLogger(BurstDetector.class);

    private final EntityManager em;
    private final OutageRepository outages;
    private final IncidentConfig config;
    private final MeterRegistry metrics;

    public BurstDetector(EntityManager em, OutageRepository outages, IncidentConfig config, MeterRegistry metrics) {
        this.em = em;
        this.outages = outages;
        this.config = config;
        this.metrics = metrics;
    }

    /** In the transaction that stores the report. A report an outage or window already explains is no burst. */
    @Transactional(TxType.MANDATORY)
    void onReport(@Observes FaultReportReceived report) {
        if (report.covered()) {
            return;
        }
        String region = report.region();
        String system = report.system();
        Instant now = report.receivedAt();
        if (outages.activeCovering(region, system).isPresent()) {
            return;
        }
        Instant since = now.minus(config.burst().within());
        Object[] window = (Object[]) em.createQuery(
                        "select count(r), min(r.receivedAt) from FaultReport r where r.region = ?1 and r.system = ?2"
                                + " and r.receivedAt >= ?3")
                .setParameter(1, region)
                .setParameter(2, system)
                .setParameter(3, since)
                .getSingleResult();
        long count = ((Number) window[0]).longValue();
        if (count < config.burst().reports()) {
            return;
        }
        // An upsert, so two reports racing to open the same suggestion cannot fail each other.
        em.createNativeQuery("""
                insert into burst_suggestion (id, region, system, status, report_count, first_report_at, last_report_at)
                values (?1, ?2, ?3, 'OPEN', ?4, ?5, ?6)
                on conflict (region, system) where status = 'OPEN'
                do update set report_count = burst_suggestion.report_count + 1, last_report_at = excluded.last_report_at
                """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, region)
                .setParameter(3, system)
                .setParameter(4, (int) count)
                .setParameter(5, window[1])
                .setParameter(6, now)
                .executeUpdate();
        metrics.counter("driftinfo.burst.detections", "region", region).increment();
        LOG.infof(
                "Burst: %d reports for %s in %s within %s and no outage declared",
                count, system, region, config.burst().within());
    }

    public List<BurstSuggestion> open() {
        return em.createQuery(
                        "from BurstSuggestion where status = 'OPEN' order by lastReportAt desc", BurstSuggestion.class)
                .getResultList();
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
}
