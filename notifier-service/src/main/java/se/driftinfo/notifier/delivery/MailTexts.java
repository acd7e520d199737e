package se.driftinfo.notifier.delivery;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

/** Picks the mail's texts in the reader's language: Swedish unless they chose English. */
@ApplicationScoped
class MailTexts {

    private final MailMessages sv;
    private final MailMessages en;

    MailTexts(MailMessages sv, @Localized("en") MailMessages en) {
        this.sv = sv;
        this.en = en;
    }

    MailMessages in(boolean swedish) {
        return swedish ? sv : en;
    }
}
