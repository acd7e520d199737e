package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.subscription.Subscription;

/**
 * The double opt-in mail: what was asked for, the link that confirms it, and the link that later
 * renews the private feed address (only this mail has it: the unsubscribe link in every other mail's
 * header must not be enough to take a clinic's feed away).
 */
@ApplicationScoped
class ConfirmationMailComposer {

    private final Catalog catalog;
    private final MailTexts texts;
    private final MailLinks links;

    ConfirmationMailComposer(Catalog catalog, MailTexts texts, MailLinks links) {
        this.catalog = catalog;
        this.texts = texts;
        this.links = links;
    }

    RenderedMail compose(Subscription s) {
        boolean sv = s.inSwedish();
        MailMessages text = texts.in(sv);
        String regions = String.join(
                ", ", s.regionList().stream().map(catalog::regionName).toList());
        // Systems are named as the first region lends them.
        String systems = s.systemList().isEmpty()
                ? text.allSystems()
                : catalog.systemNames(s.regionList().get(0), s.systemList());
        String unsubscribe = links.unsubscribe(s);
        MailTemplates.ConfirmMail mail =
                new MailTemplates.ConfirmMail(regions, systems, links.confirm(s), links.manage(s), unsubscribe);
        return new RenderedMail(
                MailKind.CONFIRM,
                text.confirmSubject(),
                MailTemplates.in(sv, MailTemplates.confirmText(mail)),
                MailTemplates.in(sv, MailTemplates.confirmHtml(mail)),
                null,
                null,
                unsubscribe);
    }
}
