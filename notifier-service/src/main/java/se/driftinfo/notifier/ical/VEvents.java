package se.driftinfo.notifier.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/**
 * Windows and outages as VEVENTs, following docs ICAL-NOTES.md: one UID per series, master with
 * RRULE and EXDATE (same TZID and type as DTSTART) for cancelled occurrences, one RECURRENCE-ID
 * override per moved occurrence, DTSTAMP and LAST-MODIFIED from the data so unchanged data gives
 * unchanged bytes.
 */
public final class VEvents {

    /** Domain of our UIDs. */
    public static final String UID_DOMAIN = "driftinfo.se";

    private VEvents() {}

    /** UID of a window's series in the feeds. Mail uses {@link #mailUid} so both can sit in one calendar. */
    public static String feedUid(WindowV1 window) {
        return "window-" + window.id() + "@" + UID_DOMAIN;
    }

    public static String mailUid(WindowV1 window) {
        return "window-" + window.id() + "-mail@" + UID_DOMAIN;
    }

    /** Master and overrides of one window (empty for a cancelled series). */
    public static List<VEvent> window(
            WindowV1 window, String uid, String summary, String description, String location) {
        List<VEvent> events = new ArrayList<>();
        ZoneId zone = ZoneId.of(window.timeZone());
        Instant stamp = stamp(window);
        VEvent master = base(uid, stamp, window.sequence(), summary, description, location);
        master.add(new DtStart<>(window.start().atZone(zone)));
        master.add(new DtEnd<>(window.end().atZone(zone)));
        if (window.recurrence() != null && !window.recurrence().isBlank()) {
            master.add(new RRule<ZonedDateTime>(window.recurrence()));
        }
        List<OccurrenceExceptionV1> exceptions = window.exceptions() == null
                ? List.of()
                : window.exceptions().stream()
                        .sorted((a, b) -> a.originalStart().compareTo(b.originalStart()))
                        .toList();
        List<ZonedDateTime> cancelled = exceptions.stream()
                .filter(e -> "CANCELLED".equals(e.kind()))
                .map(e -> e.originalStart().atZone(zone))
                .toList();
        if (!cancelled.isEmpty()) {
            // Same TZID and value type as DTSTART, or many parsers miss the occurrence.
            master.add(new ExDate<>(tzid(window.timeZone()), new DateList<>(cancelled)));
        }
        events.add(master);
        for (OccurrenceExceptionV1 e : exceptions) {
            if ("MOVED".equals(e.kind())) {
                VEvent override =
                        base(uid, stamp, Math.max(window.sequence(), e.sequence()), summary, description, location);
                override.add(new RecurrenceId<>(e.originalStart().atZone(zone)));
                override.add(new DtStart<>(e.newStart().atZone(zone)));
                override.add(new DtEnd<>(e.newEnd().atZone(zone)));
                events.add(override);
            }
        }
        return events;
    }

    /**
     * An outage as an event in UTC. A resolved outage ends when it was resolved; one that goes on is
     * shown until the next full hour after {@code now}, so it keeps growing at each refresh until resolved.
     */
    public static VEvent outage(OutageV1 outage, String summary, String description, String location, Instant now) {
        VEvent event = base(
                "outage-" + outage.id() + "@" + UID_DOMAIN,
                outage.updatedAt() == null ? outage.startedAt() : outage.updatedAt(),
                outage.sequence(),
                summary,
                description,
                location);
        Instant start = outage.startedAt().truncatedTo(ChronoUnit.SECONDS);
        Instant end = outage.resolvedAt() != null
                ? outage.resolvedAt().truncatedTo(ChronoUnit.SECONDS)
                : now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        if (!end.isAfter(start)) {
            end = start.plus(Duration.ofMinutes(15));
        }
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(end));
        return event;
    }

    static VEvent base(String uid, Instant stamp, int sequence, String summary, String description, String location) {
        VEvent event = new VEvent(false);
        Instant utc = stamp.truncatedTo(ChronoUnit.SECONDS);
        event.add(new Uid(uid));
        event.add(new DtStamp(utc));
        event.add(new LastModified(utc));
        event.add(new Sequence(sequence));
        event.add(new Summary(summary));
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        if (location != null && !location.isBlank()) {
            event.add(new Location(location));
        }
        event.add(new Status(Status.VALUE_CONFIRMED));
        // Maintenance should not make the clinic look busy in its calendar.
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        return event;
    }

    static Instant stamp(WindowV1 window) {
        return window.updatedAt() == null ? Instant.EPOCH : window.updatedAt();
    }

    static ParameterList tzid(String zone) {
        return new ParameterList(List.of(new TzId(zone)));
    }

    /** The local start in the window's zone, as used in RECURRENCE-ID and EXDATE. */
    public static ZonedDateTime local(WindowV1 window, LocalDateTime time) {
        return time.atZone(ZoneId.of(window.timeZone()));
    }
}
