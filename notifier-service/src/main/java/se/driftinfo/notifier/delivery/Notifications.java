package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.notifier.outage.FaultReportChanged;
import se.driftinfo.notifier.outage.OutageChanged;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionEnded;
import se.driftinfo.notifier.subscription.SubscriptionRequested;
import se.driftinfo.notifier.window.Occurrence;
import se.driftinfo.notifier.window.WindowChanged;

/**
 * Turns what happened into queued mail: one rendered mail per recipient. The observers are
 * synchronous and run in the firing transaction (a consumer's, with its processed-event record, or
 * the subscribing request's), so a mail is queued exactly when the change commits. Sending happens
 * later, in {@link DeliverySender}.
 */
@ApplicationScoped
public class Notifications {

    private final Recipients recipients;
    private final Deliveries deliveries;
    private final WindowMailComposer windowMails;
    private final OutageFanOuts outageFanOuts;
    private final FaultReportMailComposer faultReportMails;
    private final ConfirmationMailComposer confirmationMails;

    Notifications(
            Recipients recipients,
            Deliveries deliveries,
            WindowMailComposer windowMails,
            OutageFanOuts outageFanOuts,
            FaultReportMailComposer faultReportMails,
            ConfirmationMailComposer confirmationMails) {
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.windowMails = windowMails;
        this.outageFanOuts = outageFanOuts;
        this.faultReportMails = faultReportMails;
        this.confirmationMails = confirmationMails;
    }

    @Transactional(TxType.MANDATORY)
    void windowChanged(@Observes WindowChanged changed) {
        WindowEventV1 event = changed.data();
        WindowV1 window = event.window();
        MailKind kind = MailKind.ofWindowEvent(changed.type(), event.occurrence() != null);
        for (Subscription s : recipients.interestedIn(window.region(), window.systems())) {
            deliveries.enqueue(changed.eventId(), s.email, s.id, windowMails.changed(kind, event, s));
        }
    }

    /** A reminder for one occurrence, at {@code now}; the event id is derived from window, start and lead time. */
    @Transactional(TxType.MANDATORY)
    public int remind(WindowV1 window, Occurrence occurrence, Duration lead, Instant now) {
        UUID eventId = UUID.nameUUIDFromBytes(
                ("reminder|" + window.id() + "|" + occurrence.start().toInstant() + "|" + lead)
                        .getBytes(StandardCharsets.UTF_8));
        int queued = 0;
        for (Subscription s : recipients.interestedIn(window.region(), window.systems())) {
            if (!deliveries.exists(eventId, s.email)
                    && deliveries.enqueue(
                            eventId, s.email, s.id, windowMails.reminder(window, occurrence, lead, now, s))) {
                queued++;
            }
        }
        return queued;
    }

    @Transactional(TxType.MANDATORY)
    void outageChanged(@Observes OutageChanged changed) {
        // Queued in batches after this commits: the first mail goes out while the rest are queued.
        outageFanOuts.start(changed.eventId(), changed.type(), changed.data());
    }

    /**
     * Acknowledges a fault report, and tells the reporter when its status changes. Priority,
     * responsibility, assignee and time spent are the helpdesk's own business: a triage is told only
     * when it links the report to an outage, once per report and outage.
     */
    @Transactional(TxType.MANDATORY)
    void faultReportChanged(@Observes FaultReportChanged changed) {
        FaultReportEventV1 event = changed.data();
        MailKind kind = MailKind.ofFaultReportEvent(changed.type());
        if (kind == MailKind.FAULT_REPORT_TRIAGED) {
            linkedToOutage(event);
            return;
        }
        recipients
                .reporter(event.report())
                .ifPresent(reporter ->
                        deliveries.enqueue(changed.eventId(), reporter, null, faultReportMails.compose(kind, event)));
    }

    private void linkedToOutage(FaultReportEventV1 event) {
        FaultReportV1 report = event.report();
        boolean toldOnArrival = event.coveredBy() != null
                && report.outageId() != null
                && report.outageId().equals(event.coveredBy().id());
        if (report.outageId() == null || toldOnArrival) {
            return;
        }
        // Keyed by report and outage, not by event: later triage of the same report mails nothing.
        UUID key = UUID.nameUUIDFromBytes(
                ("linked|" + report.id() + "|" + report.outageId()).getBytes(StandardCharsets.UTF_8));
        recipients
                .reporter(report)
                .ifPresent(reporter -> deliveries.enqueue(key, reporter, null, faultReportMails.linked(event)));
    }

    /** The double opt-in mail; keyed by the subscription id so it is queued once. */
    @Transactional(TxType.MANDATORY)
    void subscriptionRequested(@Observes SubscriptionRequested requested) {
        Subscription s = requested.subscription();
        deliveries.enqueue(s.id, s.email, s.id, confirmationMails.compose(s));
    }

    /** Unsubscribed: what is still queued for the subscription is not sent (issue #15, gap 6). */
    @Transactional(TxType.MANDATORY)
    void subscriptionEnded(@Observes SubscriptionEnded ended) {
        Subscription s = ended.subscription();
        deliveries.cancelQueuedFor(
                s.id, recipients.otherActive(s).map(other -> other.id).orElse(null));
    }
}
