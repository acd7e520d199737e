package se.driftinfo.notifier.subscription.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.driftinfo.kit.web.NoCsrfToken;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionService;

/**
 * The links in our mail. A GET only shows a page with a button (mail scanners follow links, so a
 * GET must never confirm or unsubscribe); the POST acts. The unsubscribe POST is also the RFC 8058
 * one-click target that mail programs call with {@code List-Unsubscribe=One-Click}.
 */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    /** What one page shows. */
    public record PageView(boolean sv, String title, String message, String action, String button, String link) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PageView view);
    }

    private final SubscriptionService service;
    private final NotifierConfig config;
    private final SubscriptionPageMessages sv;
    private final SubscriptionPageMessages en;

    public SubscriptionPages(
            SubscriptionService service,
            NotifierConfig config,
            SubscriptionPageMessages sv,
            @Localized("en") SubscriptionPageMessages en) {
        this.service = service;
        this.config = config;
        this.sv = sv;
        this.en = en;
    }

    @GET
    @Path("confirm/{token}")
    public TemplateInstance confirmPage(@PathParam("token") String token) {
        Subscription s = service.byConfirmToken(token);
        SubscriptionPageMessages text = text(s);
        return page(
                s, text.confirmTitle(), text.confirmMessage(), "/subscriptions/confirm/" + token, text.confirmButton());
    }

    @POST
    @Path("confirm/{token}")
    public TemplateInstance confirm(@PathParam("token") String token) {
        Subscription s = service.confirm(token);
        SubscriptionPageMessages text = text(s);
        return page(s, text.confirmedTitle(), text.confirmedMessage(), feedUrl(s));
    }

    @GET
    @Path("unsubscribe/{token}")
    public TemplateInstance unsubscribePage(@PathParam("token") String token) {
        Subscription s = service.byUnsubscribeToken(token);
        SubscriptionPageMessages text = text(s);
        return page(
                s,
                text.unsubscribeTitle(),
                text.unsubscribeMessage(),
                "/subscriptions/unsubscribe/" + token,
                text.unsubscribeButton());
    }

    @POST
    @Path("unsubscribe/{token}")
    @NoCsrfToken // mail providers post it (RFC 8058 one-click) without the browser's cookie
    public TemplateInstance unsubscribe(@PathParam("token") String token) {
        Subscription s = service.unsubscribe(token);
        SubscriptionPageMessages text = text(s);
        return page(s, text.unsubscribedTitle(), text.unsubscribedMessage(), null);
    }

    /** Revokes the private feed address (e.g. it leaked) and shows the new one. */
    @POST
    @Path("renew-feed/{token}")
    public TemplateInstance renewFeed(@PathParam("token") String token) {
        Subscription s = service.renewFeedToken(token);
        SubscriptionPageMessages text = text(s);
        return page(s, text.renewedTitle(), text.renewedMessage(), feedUrl(s));
    }

    /** A page with a button that POSTs to {@code action}. */
    private static TemplateInstance page(Subscription s, String title, String message, String action, String button) {
        return Templates.page(new PageView(s.inSwedish(), title, message, action, button, null));
    }

    /** A page that only informs, with an optional {@code link}. */
    private static TemplateInstance page(Subscription s, String title, String message, String link) {
        return Templates.page(new PageView(s.inSwedish(), title, message, null, null, link));
    }

    private SubscriptionPageMessages text(Subscription s) {
        return s.inSwedish() ? sv : en;
    }

    private String feedUrl(Subscription s) {
        return config.publicUrl() + "/feeds/s/" + s.feedToken + ".ics";
    }
}
