package se.driftinfo.incident.outage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OutageRepository implements PanacheRepositoryBase<Outage, UUID> {

    public List<Outage> active() {
        return list("resolvedAt is null order by startedAt desc");
    }

    /** Outages resolved at or after {@code since}, the latest resolved first: the helpdesk's recent history. */
    public List<Outage> resolvedSince(Instant since) {
        return list("resolvedAt >= ?1 order by resolvedAt desc", since);
    }

    public List<Outage> all() {
        return list("order by startedAt desc");
    }

    /** The active outage that covers a system of a region, the earliest declared first. */
    public Optional<Outage> activeCovering(String region, String system) {
        return find(
                        "select o from Outage o join o.systems s where o.resolvedAt is null and o.region = ?1 and s = ?2"
                                + " order by o.startedAt",
                        region,
                        system)
                .firstResultOptional();
    }

    /** Region and system of every system named by an active outage: what {@link ActiveOutages} holds. */
    List<Object[]> activeSystems() {
        return getEntityManager()
                .createQuery(
                        "select o.region, s from Outage o join o.systems s where o.resolvedAt is null", Object[].class)
                .getResultList();
    }

    public long nextNumber() {
        return ((Number) getEntityManager()
                        .createNativeQuery("select nextval('outage_number')")
                        .getSingleResult())
                .longValue();
    }
}
