package se.driftinfo.incident.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import se.driftinfo.incident.catalog.KnownSystems;
import se.driftinfo.incident.catalog.KnownSystemsValidator;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.validation.NoIdentityNumber;

/** Declares, updates and resolves outages, each change with its event. */
@ApplicationScoped
public class OutageService {

    private static final ZoneId REFERENCE_ZONE = ZoneId.of("Europe/Stockholm");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final OutageRepository outages;
    private final OutageEvents events;
    private final Event<OutageDeclared> declared;
    private final Event<OutageResolved> resolved;
    private final Clock clock;

    public OutageService(
            OutageRepository outages,
            OutageEvents events,
            Event<OutageDeclared> declared,
            Event<OutageResolved> resolved,
            Clock clock) {
        this.outages = outages;
        this.events = events;
        this.declared = declared;
        this.resolved = resolved;
        this.clock = clock;
    }

    /** What the helpdesk declares; the REST body as well. */
    @KnownSystems
    public record Declaration(
            @NotBlank(message = "is required")
            @Size(min = 3, max = 200, message = "must be {min} to {max} characters")
            @NoIdentityNumber
            String title,

            String region,
            List<String> systems,

            @NotNull(message = "is required: OUTAGE or DEGRADED")
            OutageImpact impact,

            Instant startedAt,

            @NotBlank(message = "is required")
            @Size(max = 2000, message = "must be at most {max} characters")
            @NoIdentityNumber
            String message)
            implements KnownSystems.Named {}

    /** A status update for the timeline; the REST body as well. */
    public record StatusUpdate(
            @NotNull(message = "is required: INVESTIGATING, IDENTIFIED or MONITORING")
            OutageStatus status,

            @NotBlank(message = "is required")
            @Size(max = 2000, message = "must be at most {max} characters")
            @NoIdentityNumber
            String message) {}

    /**
     * The last word on an outage; the REST body as well.
     *
     * @param resolvedAt when the systems worked again; now if absent
     */
    public record Resolution(
            @NotBlank(message = "is required")
            @Size(max = 2000, message = "must be at most {max} characters")
            @NoIdentityNumber
            String message,

            Instant resolvedAt) {}

    @Transactional
    public Outage declare(@Valid @NotNull Declaration declaration, String author) {
        Instant now = Instant.now(clock);
        Instant startedAt = declaration.startedAt() == null ? now : declaration.startedAt();
        if (startedAt.isAfter(now.plus(SKEW))) {
            throw new InvalidFieldException(
                    "startedAt", "must not be in the future; plan maintenance as a maintenance window instead");
        }
        String reference = "DS-%d-%06d".formatted(now.atZone(REFERENCE_ZONE).getYear(), outages.nextNumber());
        Outage outage = Outage.declare(
                UUID.randomUUID(),
                reference,
                declaration.title().strip(),
                declaration.region(),
                KnownSystemsValidator.distinct(declaration.systems()),
                declaration.impact(),
                startedAt,
                declaration.message().strip(),
                author,
                now);
        outages.persist(outage);
        events.declared(outage);
        declared.fire(new OutageDeclared(outage.id, outage.region, new LinkedHashSet<>(outage.systems)));
        return outage;
    }

    @Transactional
    public Outage update(UUID id, @Valid @NotNull StatusUpdate update, String author) {
        Outage outage = get(id);
        outage.update(update.status(), update.message().strip(), author, Instant.now(clock));
        events.updated(outage);
        return outage;
    }

    @Transactional
    public Outage resolve(UUID id, @Valid @NotNull Resolution resolution, String author) {
        Outage outage = get(id);
        Instant now = Instant.now(clock);
        String message = resolution.message().strip();
        outage.resolve(message, resolution.resolvedAt() == null ? now : resolution.resolvedAt(), author, now);
        events.resolved(outage);
        // Its linked reports are resolved with it, in this transaction.
        resolved.fire(new OutageResolved(outage.id, outage.reference, message, author, now));
        return outage;
    }

    public Outage get(UUID id) {
        return outages.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Outage " + id));
    }

    public List<Outage> list(boolean activeOnly) {
        return activeOnly ? outages.active() : outages.all();
    }
}
