package se.driftinfo.incident.report;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public long countSince(String region, String system, Instant since) {
        return count("region = ?1 and system = ?2 and receivedAt >= ?3", region, system, since);
    }

    public List<FaultReport> linkedTo(UUID outageId) {
        return list("outageId = ?1 order by receivedAt", outageId);
    }

    public long nextNumber() {
        return ((Number) getEntityManager()
                        .createNativeQuery("select nextval('fault_report_number')")
                        .getSingleResult())
                .longValue();
    }
}
