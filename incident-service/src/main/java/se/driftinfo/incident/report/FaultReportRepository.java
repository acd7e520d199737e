package se.driftinfo.incident.report;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.driftinfo.incident.triage.Priority;

@ApplicationScoped
public class FaultReportRepository implements PanacheRepositoryBase<FaultReport, UUID> {

    /** The helpdesk's queue, most pressing first; any filter may be null. */
    public List<FaultReport> search(ReportStatus status, Priority priority, String region) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (priority != null) {
            where.add("priority = :priority");
            params.put("priority", priority);
        }
        if (region != null && !region.isBlank()) {
            where.add("region = :region");
            params.put("region", region);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by responseDue, receivedAt";
        return list(query, params);
    }

    /**
     * What the helpdesk's queue page asks for; every filter may be null.
     *
     * @param regions the regions the member of staff may see, or null for every region
     * @param status one status, or null for the open ones (not resolved, not closed)
     */
    public record QueueFilter(
            Set<String> regions,
            String region,
            String system,
            ReportStatus status,
            Priority priority,
            Responsibility responsibility,
            String assignee) {

        /** The same filter for every status: what the counts per status are counted over. */
        public QueueFilter anyStatus() {
            return new QueueFilter(regions, region, system, null, priority, responsibility, assignee);
        }
    }

    /** The statuses the queue shows unless asked for one: the reports still waiting for the helpdesk. */
    public static final Set<ReportStatus> OPEN =
            Set.of(ReportStatus.NEW, ReportStatus.TRIAGED, ReportStatus.IN_PROGRESS, ReportStatus.WAITING_FOR_REPORTER);

    /**
     * One page of the queue, the running SLA clock that is due first on top (so overdue reports lead): a
     * new report's response, else its resolution. Paused clocks (waiting for the reporter) come last.
     */
    public List<FaultReport> queue(QueueFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        params.put("new", ReportStatus.NEW);
        return find(
                        where + " order by case when slaPausedAt is null then 0 else 1 end,"
                                + " case when status = :new then responseDue else resolveDue end, receivedAt, id",
                        params)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** How many reports the filter finds, for the queue's paging. */
    public long countQueue(QueueFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return count(where(filter, params), params);
    }

    /** How many reports of each status the filter finds regardless of its status; absent statuses count 0. */
    public Map<ReportStatus, Long> countByStatus(QueueFilter filter) {
        Map<String, Object> params = new HashMap<>();
        var query = getEntityManager()
                .createQuery(
                        "select status, count(*) from FaultReport where "
                                + conditions(filter.anyStatus(), params, false) + " group by status",
                        Object[].class);
        params.forEach(query::setParameter);
        Map<ReportStatus, Long> counts = new EnumMap<>(ReportStatus.class);
        for (ReportStatus s : ReportStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : query.getResultList()) {
            counts.put((ReportStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static String where(QueueFilter filter, Map<String, Object> params) {
        return conditions(filter, params, true);
    }

    private static String conditions(QueueFilter filter, Map<String, Object> params, boolean openByDefault) {
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        if (filter.regions() != null) {
            where.add("region in :regions");
            // An empty list would be invalid SQL; no region at all matches nothing.
            params.put("regions", filter.regions().isEmpty() ? List.of("") : filter.regions());
        }
        if (filter.region() != null) {
            where.add("region = :region");
            params.put("region", filter.region());
        }
        if (filter.system() != null) {
            where.add("system = :system");
            params.put("system", filter.system());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        } else if (openByDefault) {
            where.add("status in :open");
            params.put("open", OPEN);
        }
        if (filter.priority() != null) {
            where.add("priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.responsibility() != null) {
            where.add("responsibility = :responsibility");
            params.put("responsibility", filter.responsibility());
        }
        if (filter.assignee() != null) {
            where.add("assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        return String.join(" and ", where);
    }

    public long countSince(String region, String system, Instant since) {
        return count("region = ?1 and system = ?2 and receivedAt >= ?3", region, system, since);
    }

    public List<FaultReport> linkedTo(UUID outageId) {
        return list("outageId = ?1 order by receivedAt", outageId);
    }

    /** A value of {@code fault_report_number}: the 49 numbers after it are a block of {@link ReportNumbers}. */
    long nextNumberBlock() {
        return ((Number) getEntityManager()
                        .createNativeQuery("select nextval('fault_report_number')")
                        .getSingleResult())
                .longValue();
    }
}
