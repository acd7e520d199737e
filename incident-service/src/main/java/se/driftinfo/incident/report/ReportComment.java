package se.driftinfo.incident.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A helpdesk comment on a fault report. */
@Entity
@Table(name = "fault_report_comment")
public class ReportComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public Instant at;

    protected ReportComment() {}

    ReportComment(String author, String text, Instant at) {
        this.author = author;
        this.text = text;
        this.at = at;
    }
}
