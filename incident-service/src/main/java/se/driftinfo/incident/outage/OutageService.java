package se.driftinfo.incident.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.driftinfo.incident.Violations;
import se.driftinfo.incident.catalog.CatalogRegion;
import se.driftinfo.incident.catalog.CatalogRepository;
import se.driftinfo.kit.problem.ProblemException;

/** Declares, updates and resolves outages, each change with its event. */
@ApplicationScoped
public class OutageService {

    private static final ZoneId REFERENCE_ZONE = ZoneId.of("Europe/Stockholm");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final OutageRepository outages;
    private final CatalogRepository catalog;
    private final OutageEvents events;
    private final BurstDetector bursts;
    private final Clock clock;

    public OutageService(
            OutageRepository outages,
            CatalogRepository catalog,
            OutageEvents events,
            BurstDetector bursts,
            Clock clock) {
        this.outages = outages;
        this.catalog = catalog;
        this.events = events;
        this.bursts = bursts;
        this.clock = clock;
    }

    public record Declaration(
            String title,
            String region,
            List<String> systems,
            OutageImpact impact,
            Instant startedAt,
            String message) {}

    @Transactional
    public Outage declare(Declaration d, String author) {
        Instant now = Instant.now(clock);
        Violations v = new Violations();
        v.length("title", d.title(), 3, 200);
        v.length("message", d.message(), 1, 2000);
        if (d.impact() == null) {
            v.add("impact", "is required: OUTAGE or DEGRADED");
        }
        Instant startedAt = d.startedAt() == null ? now : d.startedAt();
        if (startedAt.isAfter(now.plus(SKEW))) {
            v.add("startedAt", "must not be in the future; plan maintenance as a maintenance window instead");
        }
        Optional<CatalogRegion> region = catalog.region(d.region());
        if (d.region() == null || d.region().isBlank()) {
            v.add("region", "is required");
        } else if (region.isEmpty()) {
            v.add("region", "unknown region '" + d.region() + "'");
        }
        List<String> systems = d.systems() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(d.systems()));
        if (systems.isEmpty()) {
            v.add("systems", "name at least one system");
        }
        for (int i = 0; i < systems.size() && region.isPresent(); i++) {
            String s = systems.get(i);
            if (s == null || region.get().system(s).isEmpty()) {
                v.add("systems[" + i + "]", "region " + d.region() + " has no system '" + s + "'");
            }
        }
        v.throwIfAny();
        String reference = "DS-%d-%06d".formatted(now.atZone(REFERENCE_ZONE).getYear(), outages.nextNumber());
        Outage outage = Outage.declare(
                UUID.randomUUID(),
                reference,
                d.title().strip(),
                d.region(),
                systems,
                d.impact(),
                startedAt,
                d.message().strip(),
                author,
                now);
        outages.persist(outage);
        events.declared(outage);
        bursts.outageDeclared(outage);
        return outage;
    }

    @Transactional
    public Outage update(UUID id, OutageStatus status, String message, String author) {
        Violations v = new Violations();
        if (status == null) {
            v.add("status", "is required: INVESTIGATING, IDENTIFIED or MONITORING");
        }
        v.length("message", message, 1, 2000);
        v.throwIfAny();
        Outage outage = get(id);
        outage.update(status, message.strip(), author, Instant.now(clock));
        events.updated(outage);
        return outage;
    }

    @Transactional
    public Outage resolve(UUID id, String message, Instant resolvedAt, String author) {
        new Violations().length("message", message, 1, 2000).throwIfAny();
        Outage outage = get(id);
        Instant now = Instant.now(clock);
        outage.resolve(message.strip(), resolvedAt == null ? now : resolvedAt, author, now);
        events.resolved(outage);
        return outage;
    }

    public Outage get(UUID id) {
        return outages.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Outage " + id));
    }

    public List<Outage> list(boolean activeOnly) {
        return activeOnly ? outages.active() : outages.all();
    }
}
