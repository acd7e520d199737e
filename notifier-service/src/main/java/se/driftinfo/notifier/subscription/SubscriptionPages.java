package se.driftinfo.notifier.subscription;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.driftinfo.notifier.NotifierConfig;

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

    public SubscriptionPages(SubscriptionService service, NotifierConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Path("confirm/{token}")
    public TemplateInstance confirmPage(@PathParam("token") String token) {
        boolean sv = sv(service.byConfirmToken(token));
        return Templates.page(new PageView(
                sv,
                sv ? "Bekräfta prenumerationen" : "Confirm the subscription",
                sv
                        ? "Klicka för att börja få e-post från Driftinfo."
                        : "Click to start receiving e-mail from Driftinfo.",
                "/subscriptions/confirm/" + token,
                sv ? "Bekräfta" : "Confirm",
                null));
    }

    @POST
    @Path("confirm/{token}")
    public TemplateInstance confirm(@PathParam("token") String token) {
        Subscription s = service.confirm(token);
        boolean sv = sv(s);
        return Templates.page(new PageView(
                sv,
                sv ? "Prenumerationen är bekräftad" : "Subscription confirmed",
                sv
                        ? "Din egen kalender med dina system (lägg till den i din kalenderapp):"
                        : "Your own calendar of your systems (add it to your calendar app):",
                null,
                null,
                feedUrl(s)));
    }

    @GET
    @Path("unsubscribe/{token}")
    public TemplateInstance unsubscribePage(@PathParam("token") String token) {
        boolean sv = sv(service.byUnsubscribeToken(token));
        return Templates.page(new PageView(
                sv,
                sv ? "Avsluta prenumerationen" : "Unsubscribe",
                sv
                        ? "Du får ingen mer e-post och din kalenderlänk slutar fungera."
                        : "You will get no more mail and your calendar link stops working.",
                "/subscriptions/unsubscribe/" + token,
                sv ? "Avsluta" : "Unsubscribe",
                null));
    }

    @POST
    @Path("unsubscribe/{token}")
    public TemplateInstance unsubscribe(@PathParam("token") String token) {
        boolean sv = sv(service.unsubscribe(token));
        return Templates.page(new PageView(
                sv,
                sv ? "Prenumerationen är avslutad" : "Unsubscribed",
                sv ? "Du får ingen mer e-post från Driftinfo." : "You will get no more mail from Driftinfo.",
                null,
                null,
                null));
    }

    /** Revokes the private feed address (e.g. it leaked) and shows the new one. */
    @POST
    @Path("renew-feed/{token}")
    public TemplateInstance renewFeed(@PathParam("token") String token) {
        Subscription s = service.renewFeedToken(token);
        boolean sv = sv(s);
        return Templates.page(new PageView(
                sv,
                sv ? "Ny kalenderlänk" : "New calendar link",
                sv ? "Den gamla länken fungerar inte längre. Din nya:" : "The old link no longer works. Your new one:",
                null,
                null,
                feedUrl(s)));
    }

    private String feedUrl(Subscription s) {
        return config.publicUrl() + "/feeds/s/" + s.feedToken + ".ics";
    }

    private static boolean sv(Subscription s) {
        return !"en".equals(s.language);
    }
}
