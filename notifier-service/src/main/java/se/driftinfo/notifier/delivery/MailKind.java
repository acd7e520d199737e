package se.driftinfo.notifier.delivery;

import java.util.Map;
import se.driftinfo.contracts.EventTypes;

/**
 * What a mail is about. Stored by {@link #name()} in {@code delivery.kind}, the values that column
 * always held. The templates switch on {@link #variant()}, the kind within its family of mail.
 */
public enum MailKind {
    WINDOW_SCHEDULED("SCHEDULED"),
    WINDOW_UPDATED("UPDATED"),
    WINDOW_CANCELLED("CANCELLED"),
    WINDOW_OCCURRENCE_CANCELLED("OCCURRENCE_CANCELLED"),
    WINDOW_OCCURRENCE_MOVED("OCCURRENCE_MOVED"),
    WINDOW_REMINDER("REMINDER"),
    OUTAGE_DECLARED("DECLARED"),
    OUTAGE_UPDATED("UPDATED"),
    OUTAGE_RESOLVED("RESOLVED"),
    FAULT_REPORT_RECEIVED("RECEIVED"),
    FAULT_REPORT_TRIAGED("TRIAGED"),
    FAULT_REPORT_STATUS_CHANGED("STATUS_CHANGED"),
    /** The helpdesk linked the report to an outage: told once per report and outage. */
    FAULT_REPORT_LINKED("LINKED"),
    CONFIRM("CONFIRM");

    private static final Map<String, MailKind> BY_EVENT_TYPE = Map.ofEntries(
            Map.entry(EventTypes.WINDOW_SCHEDULED, WINDOW_SCHEDULED),
            Map.entry(EventTypes.WINDOW_UPDATED, WINDOW_UPDATED),
            Map.entry(EventTypes.WINDOW_CANCELLED, WINDOW_CANCELLED),
            Map.entry(EventTypes.OCCURRENCE_CANCELLED, WINDOW_OCCURRENCE_CANCELLED),
            Map.entry(EventTypes.OCCURRENCE_MOVED, WINDOW_OCCURRENCE_MOVED),
            Map.entry(EventTypes.OUTAGE_DECLARED, OUTAGE_DECLARED),
            Map.entry(EventTypes.OUTAGE_UPDATED, OUTAGE_UPDATED),
            Map.entry(EventTypes.OUTAGE_RESOLVED, OUTAGE_RESOLVED),
            Map.entry(EventTypes.FAULT_REPORT_RECEIVED, FAULT_REPORT_RECEIVED),
            Map.entry(EventTypes.FAULT_REPORT_TRIAGED, FAULT_REPORT_TRIAGED),
            Map.entry(EventTypes.FAULT_REPORT_STATUS_CHANGED, FAULT_REPORT_STATUS_CHANGED));

    private final String variant;

    MailKind(String variant) {
        this.variant = variant;
    }

    /** The kind within its family, e.g. {@code SCHEDULED} for {@link #WINDOW_SCHEDULED}. */
    public String variant() {
        return variant;
    }

    /**
     * The mail about a window event. An occurrence event that does not say which occurrence becomes
     * {@link #WINDOW_UPDATED}: the whole series is sent as changed.
     */
    static MailKind ofWindowEvent(String type, boolean namesOccurrence) {
        MailKind kind = BY_EVENT_TYPE.get(type);
        if ((kind == WINDOW_OCCURRENCE_CANCELLED || kind == WINDOW_OCCURRENCE_MOVED) && !namesOccurrence) {
            return WINDOW_UPDATED;
        }
        return kind;
    }

    static MailKind ofOutageEvent(String type) {
        return BY_EVENT_TYPE.get(type);
    }

    /** A fault report event of a type added later is told as a status change. */
    static MailKind ofFaultReportEvent(String type) {
        MailKind kind = BY_EVENT_TYPE.get(type);
        return kind == null || !kind.name().startsWith("FAULT_REPORT_") ? FAULT_REPORT_STATUS_CHANGED : kind;
    }
}
