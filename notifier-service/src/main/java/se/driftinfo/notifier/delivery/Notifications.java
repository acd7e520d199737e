package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionRepository;
import se.driftinfo.notifier.window.Occurrence;
import se.driftinfo.notifier.window.Occurrences;

/**
 * Decides who hears about an event and queues one rendered mail per recipient, in the caller's
 * transaction (the consumer's, with its processed-event record). Sending happens later.
 */
@ApplicationScoped
public class Notifications {

    static final Locale SV = Locale.forLanguageTag("sv-SE");
    static final Locale EN = Locale.UK;
    private static final int UPCOMING_SHOWN = 6;

    private static final Map<String, String> WINDOW_KINDS = Map.of(
            EventTypes.WINDOW_SCHEDULED, "SCHEDULED",
            EventTypes.WINDOW_UPDATED, "UPDATED",
            EventTypes.WINDOW_CANCELLED, "CANCELLED",
            EventTypes.OCCURRENCE_CANCELLED, "OCCURRENCE_CANCELLED",
            EventTypes.OCCURRENCE_MOVED, "OCCURRENCE_MOVED");
    private static final Map<String, String> OUTAGE_KINDS = Map.of(
            EventTypes.OUTAGE_DECLARED, "DECLARED",
            EventTypes.OUTAGE_UPDATED, "UPDATED",
            EventTypes.OUTAGE_RESOLVED, "RESOLVED");
    private static final Map<String, String> REPORT_KINDS = Map.of(
            EventTypes.FAULT_REPORT_RECEIVED, "RECEIVED",
            EventTypes.FAULT_REPORT_TRIAGED, "TRIAGED",
            EventTypes.FAULT_REPORT_STATUS_CHANGED, "STATUS_CHANGED");

    private final SubscriptionRepository subscriptions;
    private final Deliveries deliveries;
    private final Catalog catalog;
    private final NotifierConfig config;
    private final Clock clock;

    public Notifications(
            SubscriptionRepository subscriptions,
            Deliveries deliveries,
            Catalog catalog,
            NotifierConfig config,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void windowChanged(UUID eventId, String type, WindowEventV1 event) {
        String kind = WINDOW_KINDS.get(type);
        if (kind.startsWith("OCCURRENCE_") && event.occurrence() == null) {
            kind = "UPDATED"; // which occurrence is unknown: send the whole series as changed
        }
        WindowV1 window = event.window();
        for (Subscription s : subscriptions.interestedIn(window.region(), window.systems())) {
            deliveries.enqueue(eventId, s.email, windowMail(kind, window, event, null, s));
        }
    }

    /** A reminder for one occurrence; the event id is derived from window, start and lead time. */
    @Transactional(TxType.MANDATORY)
    public int remind(WindowV1 window, Occurrence occurrence, Duration lead) {
        UUID eventId = UUID.nameUUIDFromBytes(
                ("reminder|" + window.id() + "|" + occurrence.start().toInstant() + "|" + lead)
                        .getBytes(StandardCharsets.UTF_8));
        int queued = 0;
        for (Subscription s : subscriptions.interestedIn(window.region(), window.systems())) {
            if (!deliveries.exists(eventId, s.email)
                    && deliveries.enqueue(eventId, s.email, windowMail("REMINDER", window, null, occurrence, s))) {
                queued++;
            }
        }
        return queued;
    }

    @Transactional(TxType.MANDATORY)
    public void outageChanged(UUID eventId, String type, OutageEventV1 event) {
        String kind = OUTAGE_KINDS.get(type);
        OutageV1 outage = event.outage();
        for (Subscription s : subscriptions.interestedIn(outage.region(), outage.systems())) {
            boolean sv = !"en".equals(s.language);
            String message = event.update() == null ? null : event.update().message();
            MailTemplates.OutageMail mail = new MailTemplates.OutageMail(
                    sv,
                    kind,
                    outage.title(),
                    outage.reference(),
                    catalog.regionName(outage.region()),
                    systemNames(outage.region(), outage.systems()),
                    "OUTAGE".equals(outage.impact()),
                    outage.status(),
                    message,
                    format(outage.startedAt().atZone(zone(outage.region())), sv),
                    unsubscribeUrl(s));
            String subject =
                    switch (kind) {
                                case "DECLARED" -> sv ? "Driftstörning: " : "Outage: ";
                                case "RESOLVED" -> sv ? "Åtgärdad driftstörning: " : "Outage resolved: ";
                                default -> sv ? "Uppdatering om driftstörning: " : "Outage update: ";
                            }
                            + outage.title();
            deliveries.enqueue(
                    eventId,
                    s.email,
                    new RenderedMail(
                            "OUTAGE_" + kind,
                            subject,
                            MailTemplates.outageText(mail).render(),
                            MailTemplates.outageHtml(mail).render(),
                            null,
                            null,
                            unsubscribeUrl(s)));
        }
    }

    /** Acknowledges a fault report, and tells the reporter when its status changes. */
    @Transactional(TxType.MANDATORY)
    public void faultReportChanged(UUID eventId, String type, FaultReportEventV1 event) {
        FaultReportV1 report = event.report();
        if (report.contactEmail() == null || report.contactEmail().isBlank()) {
            return;
        }
        String kind = REPORT_KINDS.getOrDefault(type, "STATUS_CHANGED");
        boolean sv = !"en".equals(report.language());
        String coveredBy = event.coveredBy() == null ? null : event.coveredBy().title();
        MailTemplates.FaultReportMail mail = new MailTemplates.FaultReportMail(
                sv,
                kind,
                report.reference(),
                report.unitName(),
                catalog.systemName(report.region(), report.system()),
                report.status(),
                coveredBy);
        String subject = "RECEIVED".equals(kind)
                ? (sv ? "Vi har tagit emot er felanmälan " : "We have received your fault report ") + report.reference()
                : (sv ? "Er felanmälan " : "Your fault report ")
                        + report.reference()
                        + (sv ? ": ny status" : ": status update");
        deliveries.enqueue(
                eventId,
                report.contactEmail().trim().toLowerCase(),
                new RenderedMail(
                        "FAULT_REPORT_" + kind,
                        subject,
                        MailTemplates.faultReportText(mail).render(),
                        MailTemplates.faultReportHtml(mail).render(),
                        null,
                        null,
                        null));
    }

    /** The double opt-in mail; keyed by the subscription id so it is queued once. */
    @Transactional(TxType.MANDATORY)
    public void confirmation(Subscription s) {
        boolean sv = !"en".equals(s.language);
        String regions = String.join(
                ", ", s.regionList().stream().map(catalog::regionName).toList());
        String firstRegion = s.regionList().get(0);
        String systems = s.systemList().isEmpty()
                ? (sv ? "alla" : "all")
                : String.join(
                        ", ",
                        s.systemList().stream()
                                .map(code -> catalog.systemName(firstRegion, code))
                                .toList());
        MailTemplates.ConfirmMail mail = new MailTemplates.ConfirmMail(
                sv,
                regions,
                systems,
                config.publicUrl() + "/subscriptions/confirm/" + s.confirmToken,
                unsubscribeUrl(s));
        deliveries.enqueue(
                s.id,
                s.email,
                new RenderedMail(
                        "CONFIRM",
                        sv ? "Bekräfta din prenumeration på Driftinfo" : "Confirm your Driftinfo subscription",
                        MailTemplates.confirmText(mail).render(),
                        MailTemplates.confirmHtml(mail).render(),
                        null,
                        null,
                        unsubscribeUrl(s)));
    }

    private RenderedMail windowMail(
            String kind, WindowV1 window, WindowEventV1 event, Occurrence reminded, Subscription s) {
        boolean sv = !"en".equals(s.language);
        ZoneId zone = ZoneId.of(window.timeZone());
        List<String> when;
        LocalDateTime changed = event == null || event.occurrence() == null
                ? null
                : event.occurrence().originalStart();
        switch (kind) {
            case "REMINDER" -> when = List.of(format(reminded.start(), reminded.end(), sv));
            case "CANCELLED" -> when = List.of();
            case "OCCURRENCE_CANCELLED" ->
                when = List.of(format(
                        changed.atZone(zone),
                        changed.plus(Duration.between(window.start(), window.end()))
                                .atZone(zone),
                        sv));
            case "OCCURRENCE_MOVED" ->
                when = List.of(format(
                        event.occurrence().newStart().atZone(zone),
                        event.occurrence().newEnd().atZone(zone),
                        sv));
            default -> {
                ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
                when = Occurrences.between(window, now, now.plusYears(2)).stream()
                        .limit(UPCOMING_SHOWN)
                        .map(o -> format(o.start(), o.end(), sv))
                        .toList();
            }
        }
        String systems = systemNames(window.region(), window.systems());
        String reason = event == null ? null : event.reason();
        MailTemplates.WindowMail mail = new MailTemplates.WindowMail(
                sv,
                kind,
                window.title(),
                window.description(),
                catalog.regionName(window.region()),
                systems,
                when,
                reason,
                unsubscribeUrl(s));
        String prefix =
                switch (kind) {
                    case "SCHEDULED" -> sv ? "Planerat underhåll: " : "Planned maintenance: ";
                    case "UPDATED" -> sv ? "Ändrat underhåll: " : "Maintenance changed: ";
                    case "CANCELLED" -> sv ? "Inställt underhåll: " : "Maintenance cancelled: ";
                    case "OCCURRENCE_CANCELLED" -> sv ? "Inställt tillfälle: " : "Occurrence cancelled: ";
                    case "OCCURRENCE_MOVED" -> sv ? "Flyttat tillfälle: " : "Occurrence moved: ";
                    default -> sv ? "Påminnelse: " : "Reminder: ";
                };
        String subject = prefix + window.title() + ("REMINDER".equals(kind) ? " – " + when.get(0) : "");
        String summary = window.title() + " (" + systems + ")";
        String ics = null;
        String method = null;
        if ("CANCELLED".equals(kind) || "OCCURRENCE_CANCELLED".equals(kind)) {
            method = MailCalendar.CANCEL;
            ics = MailCalendar.cancel(window, changed, summary, config.organizer(), s.email);
        } else if (!"REMINDER".equals(kind)) {
            method = MailCalendar.REQUEST;
            ics = MailCalendar.request(window, summary, window.description(), config.organizer(), s.email);
        }
        return new RenderedMail(
                "WINDOW_" + kind,
                subject,
                MailTemplates.windowText(mail).render(),
                MailTemplates.windowHtml(mail).render(),
                ics,
                method,
                unsubscribeUrl(s));
    }

    private String unsubscribeUrl(Subscription s) {
        return config.publicUrl() + "/subscriptions/unsubscribe/" + s.unsubscribeToken;
    }

    private String systemNames(String region, List<String> systems) {
        return String.join(
                ", ",
                systems.stream().map(code -> catalog.systemName(region, code)).toList());
    }

    private ZoneId zone(String region) {
        return catalog.region(region).map(r -> ZoneId.of(r.timeZone())).orElse(ZoneId.of("Europe/Stockholm"));
    }

    static String format(ZonedDateTime start, ZonedDateTime end, boolean sv) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern(
                sv ? "EEEE d MMMM yyyy 'kl.' HH:mm" : "EEEE d MMMM yyyy, HH:mm", sv ? SV : EN);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        String to = start.toLocalDate().equals(end.toLocalDate()) ? time.format(end) : day.format(end);
        return day.format(start) + "–" + to;
    }

    static String format(ZonedDateTime at, boolean sv) {
        return DateTimeFormatter.ofPattern(
                        sv ? "EEEE d MMMM yyyy 'kl.' HH:mm" : "EEEE d MMMM yyyy, HH:mm", sv ? SV : EN)
                .format(at);
    }
}
