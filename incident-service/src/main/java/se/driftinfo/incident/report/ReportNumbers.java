package se.driftinfo.incident.report;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands out the numbers of report references in blocks: asking the database for each one was a round trip
 * per report. A block is the 49 numbers after a value of the sequence {@code fault_report_number}, which
 * steps by 50, so replicas never share a number. Each replica's numbers rise; across replicas they
 * interleave (one replica's block may lie below another's), and the numbers a replica had left when it
 * stopped are never given, so references have gaps.
 */
@ApplicationScoped
public class ReportNumbers {

    /** Must be one less than the sequence's increment (migration V6): the value itself is left unused. */
    static final int BLOCK = 49;

    private final FaultReportRepository reports;
    private long next;
    private long end;

    public ReportNumbers(FaultReportRepository reports) {
        this.reports = reports;
    }

    /**
     * The next number of this replica. Taking a new block uses the caller's connection (nextval is not
     * undone by a rollback, so a block is never handed out twice).
     */
    public synchronized long next() {
        if (next == end) {
            long value = reports.nextNumberBlock();
            next = value + 1;
            end = value + 1 + BLOCK;
        }
        return next++;
    }
}
