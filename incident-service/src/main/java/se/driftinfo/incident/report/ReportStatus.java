package se.driftinfo.incident.report;

import java.util.EnumSet;
import java.util.Set;

/** Where a fault report is in the helpdesk's hands, with the transitions the helpdesk may make. */
public enum ReportStatus {
    NEW,
    TRIAGED,
    IN_PROGRESS,
    WAITING_FOR_REPORTER,
    RESOLVED,
    CLOSED;

    /** The transition table. A resolved report may be reopened; a closed one is final. */
    public Set<ReportStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(TRIAGED);
            case TRIAGED -> EnumSet.of(IN_PROGRESS, WAITING_FOR_REPORTER, RESOLVED);
            case IN_PROGRESS -> EnumSet.of(WAITING_FOR_REPORTER, RESOLVED);
            case WAITING_FOR_REPORTER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(ReportStatus.class);
        };
    }

    public boolean canMoveTo(ReportStatus target) {
        return next().contains(target);
    }
}
