package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.ical.MailCalendar;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.window.Occurrence;
import se.driftinfo.notifier.window.Occurrences;

/**
 * Mail about a maintenance window: scheduled, changed, cancelled, one occurrence cancelled or moved,
 * and reminders. All but reminders carry the calendar invitation or cancellation.
 */
@ApplicationScoped
class WindowMailComposer {

    /** How many coming occurrences a mail about a series lists. */
    private static final int UPCOMING_SHOWN = 6;

    private final Catalog catalog;
    private final MailTexts texts;
    private final MailDates dates;
    private final MailLinks links;
    private final String organizer;
    private final Clock clock;

    WindowMailComposer(
            Catalog catalog, MailTexts texts, MailDates dates, MailLinks links, NotifierConfig config, Clock clock) {
        this.catalog = catalog;
        this.texts = texts;
        this.dates = dates;
        this.links = links;
        this.organizer = config.organizer();
        this.clock = clock;
    }

    /** About an event of the window; {@code kind} from {@link MailKind#ofWindowEvent}. */
    RenderedMail changed(MailKind kind, WindowEventV1 event, Subscription s) {
        return compose(kind, event.window(), event, null, s);
    }

    /** A reminder {@code lead} before the occurrence, sent at {@code now}; the subject says how soon it starts. */
    RenderedMail reminder(WindowV1 window, Occurrence occurrence, Duration lead, Instant now, Subscription s) {
        return compose(MailKind.WINDOW_REMINDER, window, null, occurrence, new Reminder(lead, now), s);
    }

    /** When a reminder goes out and how long before the occurrence it was due. */
    private record Reminder(Duration lead, Instant sentAt) {}

    private RenderedMail compose(
            MailKind kind, WindowV1 window, WindowEventV1 event, Occurrence reminded, Subscription s) {
        return compose(kind, window, event, reminded, null, s);
    }

    private RenderedMail compose(
            MailKind kind,
            WindowV1 window,
            WindowEventV1 event,
            Occurrence reminded,
            Reminder reminder,
            Subscription s) {
        boolean sv = s.inSwedish();
        MailMessages text = texts.in(sv);
        LocalDateTime changed = event == null || event.occurrence() == null
                ? null
                : event.occurrence().originalStart();
        List<String> when = when(kind, window, event, changed, reminded, sv);
        String systems = catalog.systemNames(window.region(), window.systems());
        String unsubscribe = links.unsubscribe(s);
        MailTemplates.WindowMail mail = new MailTemplates.WindowMail(
                kind.variant(),
                window.title(),
                window.description(),
                catalog.regionName(window.region()),
                systems,
                when,
                event == null ? null : event.reason(),
                unsubscribe);
        String subject =
                switch (kind) {
                    case WINDOW_SCHEDULED -> text.windowScheduled(window.title());
                    case WINDOW_UPDATED -> text.windowUpdated(window.title());
                    case WINDOW_CANCELLED -> text.windowCancelled(window.title());
                    case WINDOW_OCCURRENCE_CANCELLED -> text.occurrenceCancelled(window.title());
                    case WINDOW_OCCURRENCE_MOVED -> text.occurrenceMoved(window.title());
                    default ->
                        text.reminder(
                                window.title(),
                                howSoon(reminded, reminder.lead(), reminder.sentAt(), text),
                                when.get(0));
                };
        String summary = window.title() + " (" + systems + ")";
        String ics = null;
        String method = null;
        if (kind == MailKind.WINDOW_CANCELLED || kind == MailKind.WINDOW_OCCURRENCE_CANCELLED) {
            method = MailCalendar.CANCEL;
            ics = MailCalendar.cancel(window, changed, summary, organizer, s.email);
        } else if (kind != MailKind.WINDOW_REMINDER) {
            method = MailCalendar.REQUEST;
            ics = MailCalendar.request(window, summary, window.description(), organizer, s.email);
        }
        return new RenderedMail(
                kind,
                subject,
                MailTemplates.in(sv, MailTemplates.windowText(mail)),
                MailTemplates.in(sv, MailTemplates.windowHtml(mail)),
                ics,
                method,
                unsubscribe);
    }

    /**
     * How soon a reminded occurrence starts, as the subject says it: "om 1 timme", "i morgon", "om en
     * vecka". A reminder sent within the day says hours (or minutes), rounded to the nearest; a longer
     * lead counts calendar days in the window's zone, so "i morgon" is always the next date, also for a
     * reminder sent late.
     */
    static String howSoon(Occurrence occurrence, Duration lead, Instant sentAt, MailMessages text) {
        ZonedDateTime now = sentAt.atZone(occurrence.start().getZone());
        Duration left = Duration.between(now, occurrence.start());
        if (lead.compareTo(Duration.ofDays(1)) < 0) {
            if (left.compareTo(Duration.ofMinutes(50)) >= 0) {
                return text.inHours((int) left.plusMinutes(30).toHours());
            }
            return text.inMinutes((int) Math.max(5, (left.toMinutes() + 2) / 5 * 5));
        }
        long days =
                ChronoUnit.DAYS.between(now.toLocalDate(), occurrence.start().toLocalDate());
        if (days <= 0) {
            return text.today();
        }
        if (days == 1) {
            return text.tomorrow();
        }
        return days == 7 ? text.inAWeek() : text.inDays((int) days);
    }

    /** The dates the mail is about: the one concerned, or the series' next few. */
    private List<String> when(
            MailKind kind,
            WindowV1 window,
            WindowEventV1 event,
            LocalDateTime changed,
            Occurrence reminded,
            boolean sv) {
        ZoneId zone = ZoneId.of(window.timeZone());
        return switch (kind) {
            case WINDOW_REMINDER -> List.of(dates.span(reminded.start(), reminded.end(), sv));
            case WINDOW_CANCELLED -> List.of();
            case WINDOW_OCCURRENCE_CANCELLED ->
                List.of(dates.span(
                        changed.atZone(zone),
                        changed.plus(Duration.between(window.start(), window.end()))
                                .atZone(zone),
                        sv));
            case WINDOW_OCCURRENCE_MOVED ->
                List.of(dates.span(
                        event.occurrence().newStart().atZone(zone),
                        event.occurrence().newEnd().atZone(zone),
                        sv));
            default -> {
                ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
                yield Occurrences.between(window, now, now.plusYears(2)).stream()
                        .limit(UPCOMING_SHOWN)
                        .map(o -> dates.span(o.start(), o.end(), sv))
                        .toList();
            }
        };
    }
}
