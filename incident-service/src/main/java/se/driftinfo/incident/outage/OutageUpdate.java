package se.driftinfo.incident.outage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an outage's timeline. */
@Entity
@Table(name = "outage_update")
public class OutageUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutageStatus status;

    @Column(nullable = false)
    public String message;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public Instant at;

    protected OutageUpdate() {}

    OutageUpdate(OutageStatus status, String message, String author, Instant at) {
        this.status = status;
        this.message = message;
        this.author = author;
        this.at = at;
    }
}
