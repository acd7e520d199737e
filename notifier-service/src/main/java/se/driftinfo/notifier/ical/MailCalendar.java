package se.driftinfo.notifier.ical;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Version;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;

/**
 * The {@code .ics} we mail (iTIP, RFC 5546): REQUEST with ORGANIZER and the recipient as ATTENDEE
 * (RSVP=FALSE) for a new or changed series, CANCEL for a cancelled series or occurrence. It uses a
 * UID of its own ({@link VEvents#mailUid}) so that a clinic that also subscribes to the feed does not
 * see two copies fight over one UID.
 */
public final class MailCalendar {

    public static final String REQUEST = "REQUEST";
    public static final String CANCEL = "CANCEL";

    private MailCalendar() {}

    /** The whole series (master and overrides), to add or update it. */
    public static String request(
            WindowV1 window, String summary, String description, String organizer, String recipient) {
        Calendar calendar = calendar(REQUEST, window);
        for (VEvent event : VEvents.window(window, VEvents.mailUid(window), summary, description, null)) {
            calendar.add(people(event, organizer, recipient));
        }
        return CalendarText.write(calendar);
    }

    /** Cancels the series, or only the occurrence starting (originally) at {@code occurrence} when given. */
    public static String cancel(
            WindowV1 window, LocalDateTime occurrence, String summary, String organizer, String recipient) {
        Calendar calendar = calendar(CANCEL, window);
        VEvent master = VEvents.window(window, VEvents.mailUid(window), summary, null, null)
                .get(0);
        master.replace(new Status(Status.VALUE_CANCELLED));
        if (occurrence != null) {
            // One instance: no rule, just the instance as it was, named by its RECURRENCE-ID.
            java.time.Duration length = java.time.Duration.between(window.start(), window.end());
            master.removeAll(Property.RRULE, Property.EXDATE, Property.DTSTART, Property.DTEND);
            master.add(new RecurrenceId<>(VEvents.local(window, occurrence)));
            master.add(new DtStart<>(VEvents.local(window, occurrence)));
            master.add(new DtEnd<>(VEvents.local(window, occurrence.plus(length))));
        }
        calendar.add(people(master, organizer, recipient));
        return CalendarText.write(calendar);
    }

    private static Calendar calendar(String method, WindowV1 window) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Driftinfo//notifier-service//SV"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(method));
        calendar.add(TimeZones.vtimezone(window.timeZone()));
        return calendar;
    }

    private static VEvent people(VEvent event, String organizer, String recipient) {
        event.add(new Organizer(new ParameterList(List.of(new Cn("Driftinfo"))), URI.create("mailto:" + organizer)));
        event.add(new Attendee(new ParameterList(List.of(new Rsvp(false))), URI.create("mailto:" + recipient)));
        return event;
    }
}
