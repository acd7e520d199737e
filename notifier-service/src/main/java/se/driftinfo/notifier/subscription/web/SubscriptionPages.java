package se.driftinfo.notifier.subscription.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.web.ClientAddress;
import se.driftinfo.kit.web.NoCsrfToken;
import se.driftinfo.notifier.Limits;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionService;
import se.driftinfo.notifier.subscription.SubscriptionService.Confirmation;

/**
 * The links in our mail. A GET only shows a page with a button (mail scanners follow links, so a
 * GET must never confirm or unsubscribe); the POST acts. The unsubscribe POST is also the RFC 8058
 * one-click target that mail programs call with {@code List-Unsubscribe=One-Click}. Public: the
 * token in the address is the only credential (and an unknown one is a 404).
 */
@Path("/subscriptions")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    /**
     * What one page shows.
     *
     * @param note a line under the link, or null
     */
    public record PageView(
            boolean sv, String title, String message, String action, String button, String link, String note) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PageView view);
    }

    private final SubscriptionService service;
    private final NotifierConfig config;
    private final SubscriptionPageMessages sv;
    private final SubscriptionPageMessages en;
    private final RateLimits rateLimits;
    private final ClientAddress clientAddress;

    public SubscriptionPages(
            SubscriptionService service,
            NotifierConfig config,
            SubscriptionPageMessages sv,
            @Localized("en") SubscriptionPageMessages en,
            RateLimits rateLimits,
            ClientAddress clientAddress) {
        this.service = service;
        this.config = config;
        this.sv = sv;
        this.en = en;
        this.rateLimits = rateLimits;
        this.clientAddress = clientAddress;
    }

    @GET
    @Path("confirm/{token}")
    public Response confirmPage(@PathParam("token") String token) {
        Confirmation confirmation = counted(() -> service.confirmation(token));
        Subscription s = confirmation.subscription();
        SubscriptionPageMessages text = text(s);
        return switch (confirmation.link()) {
            case VALID ->
                page(
                        200,
                        s,
                        text.confirmTitle(),
                        text.confirmMessage(),
                        "/subscriptions/confirm/" + token,
                        text.confirmButton());
            default -> refused(confirmation);
        };
    }

    @POST
    @Path("confirm/{token}")
    public Response confirm(@PathParam("token") String token) {
        Confirmation confirmation = counted(() -> service.confirm(token));
        Subscription s = confirmation.subscription();
        SubscriptionPageMessages text = text(s);
        return switch (confirmation.link()) {
            case VALID ->
                Response.ok(Templates.page(new PageView(
                                s.inSwedish(),
                                text.confirmedTitle(),
                                text.confirmedMessage(),
                                null,
                                null,
                                feedUrl(s),
                                text.feedShownOnce())))
                        .build();
            default -> refused(confirmation);
        };
    }

    @GET
    @Path("unsubscribe/{token}")
    public Response unsubscribePage(@PathParam("token") String token) {
        Subscription s = counted(() -> service.byUnsubscribeToken(token));
        SubscriptionPageMessages text = text(s);
        return page(
                200,
                s,
                text.unsubscribeTitle(),
                text.unsubscribeMessage(),
                "/subscriptions/unsubscribe/" + token,
                text.unsubscribeButton());
    }

    @POST
    @Path("unsubscribe/{token}")
    @NoCsrfToken // mail providers post it (RFC 8058 one-click) without the browser's cookie
    public Response unsubscribe(@PathParam("token") String token) {
        Subscription s = counted(() -> service.unsubscribe(token));
        SubscriptionPageMessages text = text(s);
        return info(200, s, text.unsubscribedTitle(), text.unsubscribedMessage());
    }

    /** The confirmation mail's manage link: a page with a button that renews the private feed. */
    @GET
    @Path("renew-feed/{token}")
    public Response renewFeedPage(@PathParam("token") String token) {
        Subscription s = counted(() -> service.renewablyByManageToken(token));
        SubscriptionPageMessages text = text(s);
        return page(
                200,
                s,
                text.renewTitle(),
                text.renewMessage(),
                "/subscriptions/renew-feed/" + token,
                text.renewButton());
    }

    /**
     * Revokes the private feed address (e.g. it leaked) and shows the new one. The token is the manage
     * token from the confirmation mail; the unsubscribe token in every mail's header is not enough.
     */
    @POST
    @Path("renew-feed/{token}")
    public Response renewFeed(@PathParam("token") String token) {
        Subscription s = counted(() -> service.renewFeedToken(token));
        SubscriptionPageMessages text = text(s);
        return Response.ok(Templates.page(new PageView(
                        s.inSwedish(),
                        text.renewedTitle(),
                        text.renewedMessage(),
                        null,
                        null,
                        feedUrl(s),
                        text.feedShownOnce())))
                .build();
    }

    /**
     * Looks a token up; an unknown one counts against the client's token misses and, once they are
     * used up, is answered 429 instead of 404 (gap 11: nobody guesses tokens by the thousand).
     */
    private <T> T counted(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException e) {
            rateLimits.check(Limits.TOKEN_MISSES, clientAddress.get());
            throw e;
        }
    }

    /** A confirmation link that no longer confirms: used (409), expired (410) or cancelled (409). */
    private Response refused(Confirmation confirmation) {
        Subscription s = confirmation.subscription();
        SubscriptionPageMessages text = text(s);
        return switch (confirmation.link()) {
            case USED -> info(409, s, text.usedTitle(), text.usedMessage());
            case EXPIRED -> info(410, s, text.expiredTitle(), text.expiredMessage());
            default -> info(409, s, text.cancelledTitle(), text.cancelledMessage());
        };
    }

    /** A page with a button that POSTs to {@code action}. */
    private static Response page(
            int status, Subscription s, String title, String message, String action, String button) {
        return Response.status(status)
                .entity(Templates.page(new PageView(s.inSwedish(), title, message, action, button, null, null)))
                .build();
    }

    /** A page that only informs. */
    private static Response info(int status, Subscription s, String title, String message) {
        return Response.status(status)
                .entity(Templates.page(new PageView(s.inSwedish(), title, message, null, null, null, null)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private SubscriptionPageMessages text(Subscription s) {
        return s.inSwedish() ? sv : en;
    }

    private String feedUrl(Subscription s) {
        return config.publicUrl() + "/feeds/s/" + s.feedToken + ".ics";
    }
}
