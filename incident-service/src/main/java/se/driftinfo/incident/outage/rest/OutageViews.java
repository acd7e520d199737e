package se.driftinfo.incident.outage.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.driftinfo.incident.outage.Outage;

/**
 * What an outage looks like on the wire, in two views. Clinics (anyone, no account) get the public view:
 * what is down, since when, and what the helpdesk has told them. Operators get the staff view, which adds
 * who wrote each timeline entry and the fault reports linked to the outage (references that lead to a
 * reporter's contact details). The public view is its own type, so a field added to the staff view can
 * never reach the public by accident.
 */
public final class OutageViews {

    private OutageViews() {}

    /** One timeline entry as clinics read it: no author. */
    public record PublicUpdate(String status, String message, Instant at) {}

    /** An outage as clinics may see it. */
    public record PublicOutage(
            UUID id,
            String reference,
            String title,
            String region,
            List<String> systems,
            String impact,
            String status,
            Instant startedAt,
            Instant resolvedAt,
            Instant updatedAt,
            List<PublicUpdate> timeline) {}

    /** One timeline entry as the helpdesk sees it. */
    public record StaffUpdate(String status, String message, String author, Instant at) {}

    /** An outage as the helpdesk sees it: authors, the event sequence and the linked reports' references. */
    public record StaffOutage(
            UUID id,
            String reference,
            String title,
            String region,
            List<String> systems,
            String impact,
            String status,
            Instant startedAt,
            Instant resolvedAt,
            int sequence,
            Instant updatedAt,
            List<StaffUpdate> timeline,
            List<String> linkedReports) {}

    public static PublicOutage publicView(Outage o) {
        return new PublicOutage(
                o.id,
                o.reference,
                o.title,
                o.region,
                List.copyOf(o.systems),
                o.impact.name(),
                o.status.name(),
                o.startedAt,
                o.resolvedAt,
                o.updatedAt,
                o.updates.stream()
                        .map(u -> new PublicUpdate(u.status.name(), u.message, u.at))
                        .toList());
    }

    /** @param linkedReports the references of the reports linked to the outage */
    public static StaffOutage staffView(Outage o, List<String> linkedReports) {
        return new StaffOutage(
                o.id,
                o.reference,
                o.title,
                o.region,
                List.copyOf(o.systems),
                o.impact.name(),
                o.status.name(),
                o.startedAt,
                o.resolvedAt,
                o.sequence,
                o.updatedAt,
                o.updates.stream()
                        .map(u -> new StaffUpdate(u.status.name(), u.message, u.author, u.at))
                        .toList(),
                linkedReports);
    }
}
