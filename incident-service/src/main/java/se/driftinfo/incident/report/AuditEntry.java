package se.driftinfo.incident.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a fault report: who changed which field when, from what to what. Never edited. */
@Entity
@Table(name = "fault_report_audit")
public class AuditEntry extends PanacheEntityBase {

    /**
     * From fault_report_audit_seq, 50 at a time (V5): the entry is inserted with its report at flush,
     * in the same batch, instead of at once to learn an identity.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fault_report_audit")
    @SequenceGenerator(name = "fault_report_audit", sequenceName = "fault_report_audit_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String field;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    protected AuditEntry() {}

    AuditEntry(String actor, Instant at, String field, String fromValue, String toValue) {
        this.actor = actor;
        this.at = at;
        this.field = field;
        this.fromValue = fromValue;
        this.toValue = toValue;
    }
}
