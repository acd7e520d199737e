package se.driftinfo.maintenance.window;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/** One occurrence that differs from the rule: cancelled, or moved to {@code newStart}–{@code newEnd}. */
@Entity
@Table(name = "occurrence_exception")
@IdClass(OccurrenceException.Key.class)
public class OccurrenceException {

    @Id
    @ManyToOne
    @JoinColumn(name = "window_id")
    MaintenanceWindow window;

    @Id
    @Column(name = "original_start")
    LocalDateTime originalStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OccurrenceStatus kind;

    @Column(name = "new_start")
    LocalDateTime newStart;

    @Column(name = "new_end")
    LocalDateTime newEnd;

    String reason;

    @Column(nullable = false)
    int sequence;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected OccurrenceException() {}

    OccurrenceException(MaintenanceWindow window, LocalDateTime originalStart, Instant now) {
        this.window = window;
        this.originalStart = originalStart;
        this.createdAt = now;
    }

    public LocalDateTime originalStart() {
        return originalStart;
    }

    public OccurrenceStatus kind() {
        return kind;
    }

    public LocalDateTime newStart() {
        return newStart;
    }

    public LocalDateTime newEnd() {
        return newEnd;
    }

    public String reason() {
        return reason;
    }

    public int sequence() {
        return sequence;
    }

    public static class Key implements Serializable {
        public UUID window;
        public LocalDateTime originalStart;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(window, k.window)
                    && Objects.equals(originalStart, k.originalStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(window, originalStart);
        }
    }
}
