package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.subscription.Subscription;

/** Mail about an outage: declared, updated, resolved. */
@ApplicationScoped
class OutageMailComposer {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");

    private final Catalog catalog;
    private final MailTexts texts;
    private final MailDates dates;
    private final MailLinks links;

    OutageMailComposer(Catalog catalog, MailTexts texts, MailDates dates, MailLinks links) {
        this.catalog = catalog;
        this.texts = texts;
        this.dates = dates;
        this.links = links;
    }

    RenderedMail compose(MailKind kind, OutageEventV1 event, Subscription s) {
        OutageV1 outage = event.outage();
        boolean sv = s.inSwedish();
        MailMessages text = texts.in(sv);
        String unsubscribe = links.unsubscribe(s);
        MailTemplates.OutageMail mail = new MailTemplates.OutageMail(
                kind.variant(),
                outage.title(),
                outage.reference(),
                catalog.regionName(outage.region()),
                catalog.systemNames(outage.region(), outage.systems()),
                "OUTAGE".equals(outage.impact()),
                text.outageStatus(outage.status()),
                event.update() == null ? null : event.update().message(),
                dates.at(outage.startedAt().atZone(zone(outage.region())), sv),
                unsubscribe);
        String subject =
                switch (kind) {
                    case OUTAGE_DECLARED -> text.outageDeclared(outage.title());
                    case OUTAGE_RESOLVED -> text.outageResolved(outage.title());
                    default -> text.outageUpdated(outage.title());
                };
        return new RenderedMail(
                kind,
                subject,
                MailTemplates.in(sv, MailTemplates.outageText(mail)),
                MailTemplates.in(sv, MailTemplates.outageHtml(mail)),
                null,
                null,
                unsubscribe);
    }

    /** The region's time zone, as the clinics there read the clock. */
    private ZoneId zone(String region) {
        return catalog.region(region).map(r -> ZoneId.of(r.timeZone())).orElse(DEFAULT_ZONE);
    }
}
