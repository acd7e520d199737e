package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.subscription.Subscription;

/**
 * Mail about an outage: declared, updated, resolved. A fan-out mails the same outage to thousands, so
 * each language is rendered once per batch (issue #14) and only each subscriber's unsubscribe link
 * is put in afterwards.
 */
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

    /** The mail for each of {@code subscriptions}, in their order, each in its subscriber's language. */
    List<RenderedMail> compose(MailKind kind, OutageEventV1 event, List<Subscription> subscriptions) {
        Map<Language, Rendered> byLanguage = new EnumMap<>(Language.class);
        List<RenderedMail> mails = new ArrayList<>(subscriptions.size());
        for (Subscription s : subscriptions) {
            Language language = s.inSwedish() ? Language.SV : Language.EN;
            Rendered rendered = byLanguage.computeIfAbsent(language, l -> render(kind, event, l == Language.SV));
            mails.add(rendered.forToken(links.unsubscribeToken(s)));
        }
        return mails;
    }

    private enum Language {
        SV,
        EN
    }

    /**
     * One language's mail with a stand-in for the unsubscribe token. The stand-in is random per
     * rendering, so no text of the outage can contain it, and made of letters, digits and dashes, as
     * the tokens are: HTML escaping leaves both unchanged, so swapping one for the other is safe.
     */
    private record Rendered(String placeholder, RenderedMail mail) {

        RenderedMail forToken(String token) {
            return new RenderedMail(
                    mail.kind(),
                    mail.subject(),
                    mail.text().replace(placeholder, token),
                    mail.html().replace(placeholder, token),
                    null,
                    null,
                    mail.unsubscribeUrl().replace(placeholder, token));
        }
    }

    private Rendered render(MailKind kind, OutageEventV1 event, boolean sv) {
        OutageV1 outage = event.outage();
        MailMessages text = texts.in(sv);
        String placeholder = "unsubscribe-token-" + UUID.randomUUID();
        String unsubscribe = links.unsubscribeWithToken(placeholder);
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
        return new Rendered(
                placeholder,
                new RenderedMail(
                        kind,
                        subject,
                        MailTemplates.in(sv, MailTemplates.outageText(mail)),
                        MailTemplates.in(sv, MailTemplates.outageHtml(mail)),
                        null,
                        null,
                        unsubscribe));
    }

    /** The region's time zone, as the clinics there read the clock. */
    private ZoneId zone(String region) {
        return catalog.region(region).map(r -> ZoneId.of(r.timeZone())).orElse(DEFAULT_ZONE);
    }
}
