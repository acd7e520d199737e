package se.driftinfo.incident.sla;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import se.driftinfo.incident.IncidentConfig;
import se.driftinfo.incident.triage.Priority;

/** Response and resolve targets per priority, counted in the region's support hours. */
@ApplicationScoped
public class SlaPolicy {

    private final IncidentConfig config;

    public SlaPolicy(IncidentConfig config) {
        this.config = config;
    }

    /** When a report received at {@code receivedAt} with {@code priority} must be answered and resolved. */
    public Due due(Priority priority, Instant receivedAt, SupportHours hours) {
        IncidentConfig.Targets targets = config.sla().get(priority.name());
        if (targets == null) {
            throw new IllegalStateException("No SLA targets configured for " + priority);
        }
        return new Due(
                hours.addSupportTime(receivedAt, targets.response()),
                hours.addSupportTime(receivedAt, targets.resolve()));
    }

    public record Due(Instant response, Instant resolve) {}

    /** For tests and pages: a target of a priority. */
    public Duration responseTarget(Priority priority) {
        return config.sla().get(priority.name()).response();
    }
}
