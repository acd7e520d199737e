package se.driftinfo.maintenance.window;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.driftinfo.contracts.maintenance.RecurrenceRule;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;

/**
 * A maintenance window (servicefönster): a one-off disruption or a series following an RFC 5545 rule
 * in local time of an IANA zone, with per-occurrence exceptions. Every change raises {@code sequence},
 * which feeds iCal's SEQUENCE so calendar clients take the change. Each command returns the
 * {@link WindowChange} it made; announcing it is the application's job, not the aggregate's.
 */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(nullable = false)
    int sequence;

    @Column(nullable = false)
    String title;

    String description;

    @Column(name = "region_code", nullable = false)
    String region;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "window_system", joinColumns = @JoinColumn(name = "window_id"))
    @Column(name = "system_code")
    @OrderBy
    List<String> systems = new ArrayList<>();

    @Column(name = "time_zone", nullable = false)
    String timeZone;

    @Column(name = "start_local", nullable = false)
    LocalDateTime start;

    @Column(name = "end_local", nullable = false)
    LocalDateTime end;

    String recurrence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    WindowStatus status;

    UUID supersedes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    @OneToMany(mappedBy = "window", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("originalStart")
    List<OccurrenceException> exceptions = new ArrayList<>();

    protected MaintenanceWindow() {}

    public static MaintenanceWindow schedule(WindowDefinition definition, Instant now) {
        MaintenanceWindow window = new MaintenanceWindow();
        window.id = UUID.randomUUID();
        window.sequence = 0;
        window.status = WindowStatus.SCHEDULED;
        window.createdAt = now;
        window.apply(definition, now);
        return window;
    }

    private void apply(WindowDefinition d, Instant now) {
        title = d.title();
        description = d.description();
        region = d.region();
        systems.clear();
        systems.addAll(d.systems().stream().distinct().sorted().toList());
        timeZone = d.zone().getId();
        start = d.start();
        end = d.end();
        recurrence = d.recurring() ? d.recurrence().rule() : null;
        updatedAt = now;
    }

    /**
     * Redefines the whole series. Exceptions that no longer fall on an occurrence of the new rule are
     * dropped: they would point at nothing.
     */
    public WindowChange.Updated redefine(WindowDefinition definition, Instant now) {
        requireScheduled();
        apply(definition, now);
        exceptions.removeIf(e -> !isOriginalStart(e.originalStart));
        sequence++;
        return new WindowChange.Updated();
    }

    /**
     * Changes the series from {@code effectiveFrom} on, leaving earlier occurrences as they were: this
     * series ends before that date ({@link WindowChange.Updated}) and a new one, which supersedes it,
     * takes over ({@link WindowChange.Scheduled}). If nothing of this series lies before the date, it is
     * redefined in place instead.
     *
     * @return the new series, or this window when it was redefined in place
     */
    public MaintenanceWindow changeFrom(LocalDate effectiveFrom, WindowDefinition definition, Instant now) {
        requireScheduled();
        if (definition.start().toLocalDate().isBefore(effectiveFrom)) {
            throw new InvalidFieldException("start", "must be on or after effectiveFrom (" + effectiveFrom + ")");
        }
        Optional<LocalDateTime> lastBefore = recurrence == null
                ? Optional.empty()
                : parsedRecurrence().starts(start, start, effectiveFrom.atStartOfDay(), Integer.MAX_VALUE).stream()
                        .reduce((a, b) -> b);
        if (lastBefore.isEmpty()) {
            redefine(definition, now);
            return this;
        }
        recurrence = parsedRecurrence().endingAt(lastBefore.get(), zone()).rule();
        exceptions.removeIf(e -> !e.originalStart.toLocalDate().isBefore(effectiveFrom));
        updatedAt = now;
        sequence++;
        MaintenanceWindow successor = schedule(definition, now);
        successor.supersedes = id;
        return successor;
    }

    /** Cancels the whole series; the record stays, so history and feeds can show the cancellation. */
    public WindowChange.Cancelled cancel(String reason, Instant now) {
        requireScheduled();
        status = WindowStatus.CANCELLED;
        updatedAt = now;
        sequence++;
        return new WindowChange.Cancelled(reason);
    }

    /** Cancels the occurrence the rule puts on {@code date} (local); cancelling it twice is a conflict. */
    public WindowChange.OccurrenceCancelled cancelOccurrence(LocalDate date, String reason, Instant now) {
        requireScheduled();
        LocalDateTime original = originalStartOn(date);
        OccurrenceException exception = exceptionFor(original, now);
        if (exception.kind == OccurrenceStatus.CANCELLED) {
            throw new ConflictException("The occurrence on " + date + " is already cancelled");
        }
        sequence++;
        exception.kind = OccurrenceStatus.CANCELLED;
        exception.newStart = null;
        exception.newEnd = null;
        exception.reason = reason;
        exception.sequence = sequence;
        updatedAt = now;
        return new WindowChange.OccurrenceCancelled(original, reason);
    }

    /**
     * Moves the occurrence the rule puts on {@code date} (local) to other local times; a cancelled one
     * stays cancelled.
     */
    public WindowChange.OccurrenceMoved moveOccurrence(
            LocalDate date, LocalDateTime newStart, LocalDateTime newEnd, String reason, Instant now) {
        requireScheduled();
        WindowDefinition.checkInterval("end", newStart, newEnd);
        LocalDateTime original = originalStartOn(date);
        OccurrenceException exception = exceptionFor(original, now);
        if (exception.kind == OccurrenceStatus.CANCELLED) {
            throw new ConflictException("The occurrence on " + date + " is cancelled; it cannot be moved");
        }
        sequence++;
        exception.kind = OccurrenceStatus.MOVED;
        exception.newStart = newStart;
        exception.newEnd = newEnd;
        exception.reason = reason;
        exception.sequence = sequence;
        updatedAt = now;
        return new WindowChange.OccurrenceMoved(original, newStart, newEnd, reason);
    }

    private LocalDateTime originalStartOn(LocalDate date) {
        List<LocalDateTime> onDate = recurrence == null
                ? (start.toLocalDate().equals(date) ? List.of(start) : List.of())
                : parsedRecurrence()
                        .starts(start, date.atStartOfDay(), date.plusDays(1).atStartOfDay(), 2);
        if (onDate.isEmpty()) {
            throw new NotFoundException("An occurrence of this window on " + date);
        }
        return onDate.get(0);
    }

    private boolean isOriginalStart(LocalDateTime candidate) {
        if (recurrence == null) {
            return candidate.equals(start);
        }
        return parsedRecurrence()
                .starts(start, candidate, candidate.plusSeconds(1), 1)
                .contains(candidate);
    }

    private OccurrenceException exceptionFor(LocalDateTime original, Instant now) {
        return exception(original).orElseGet(() -> {
            OccurrenceException created = new OccurrenceException(this, original, now);
            exceptions.add(created);
            return created;
        });
    }

    private Optional<OccurrenceException> exception(LocalDateTime original) {
        return exceptions.stream().filter(e -> e.originalStart.equals(original)).findFirst();
    }

    private void requireScheduled() {
        if (status == WindowStatus.CANCELLED) {
            throw new ConflictException("The window '" + title + "' is cancelled; it cannot change any more");
        }
    }

    private RecurrenceRule parsedRecurrence() {
        return RecurrenceRule.parse(recurrence, zone());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public UUID id() {
        return id;
    }

    public int sequence() {
        return sequence;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String region() {
        return region;
    }

    public List<String> systems() {
        return List.copyOf(systems);
    }

    public LocalDateTime start() {
        return start;
    }

    public LocalDateTime end() {
        return end;
    }

    public String recurrence() {
        return recurrence;
    }

    public WindowStatus status() {
        return status;
    }

    public UUID supersedes() {
        return supersedes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<OccurrenceException> exceptions() {
        return List.copyOf(exceptions);
    }
}
