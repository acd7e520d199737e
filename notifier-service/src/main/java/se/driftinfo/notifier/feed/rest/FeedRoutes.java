package se.driftinfo.notifier.feed.rest;

import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.function.Function;
import se.driftinfo.contracts.catalog.CatalogCodes;
import se.driftinfo.notifier.feed.FeedKey;
import se.driftinfo.notifier.feed.Feeds;
import se.driftinfo.notifier.feed.RenderedFeed;
import se.driftinfo.notifier.subscription.Tokens;

/**
 * The feeds' fast path: a feed that {@link Feeds} holds in memory is answered right in the router, on
 * the event loop, before the request reaches authentication and RESTEasy; anything else (a feed not
 * rendered yet, an unknown region or token, a HEAD) goes on to {@link FeedResource}, which renders,
 * refuses and rate-limits as before. Both answer with the same headers ({@link #answer}).
 *
 * <p>The route sits after Quarkus' header filters (security headers, CSP: order {@code
 * Integer.MIN_VALUE}) and before its security handlers (CORS -300, authentication -200, authorization
 * -100): the feeds are {@code @PermitAll} and read no identity, and a token already remembered is a
 * valid credential. The metrics name the same path templates as RESTEasy does, never a token.
 */
@ApplicationScoped
public class FeedRoutes {

    /** After the header filters, before the security handlers. */
    static final int ORDER = -1_000;
    /** Where Quarkus' HTTP metrics read the path template of a request (as RESTEasy sets it). */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private static final String ICS = ".ics";

    private final Feeds feeds;

    public FeedRoutes(Feeds feeds) {
        this.feeds = feeds;
    }

    void install(@Observes Router router) {
        router.get("/feeds/all.ics").order(ORDER).handler(ctx -> serve(ctx, "/feeds/all.ics", r -> FeedKey.all()));
        router.get("/feeds/regions/:file")
                .order(ORDER)
                .handler(ctx -> serve(ctx, "/feeds/regions/{region}.ics", FeedRoutes.code(FeedKey::region)));
        router.get("/feeds/systems/:file")
                .order(ORDER)
                .handler(ctx -> serve(ctx, "/feeds/systems/{system}.ics", FeedRoutes.code(FeedKey::system)));
        router.get("/feeds/s/:file").order(ORDER).handler(ctx -> serve(ctx, "/feeds/s/{token}.ics", this::subscriber));
    }

    private void serve(RoutingContext ctx, String template, Function<RoutingContext, FeedKey> keyOf) {
        FeedKey key = keyOf.apply(ctx);
        RenderedFeed feed = key == null ? null : feeds.cached(key);
        if (feed == null) {
            ctx.next();
            return;
        }
        Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, template);
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        Answer answer = answer(
                feed, request.getHeader(HttpHeaders.ACCEPT_ENCODING), request.getHeader(HttpHeaders.IF_NONE_MATCH));
        response.putHeader(HttpHeaders.ETAG, answer.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, FeedResource.CACHE_CONTROL)
                .putHeader(HttpHeaders.VARY, FeedResource.VARY);
        if (answer.notModified()) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, FeedResource.TEXT_CALENDAR);
        if (answer.gzip()) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.end(answer.body());
    }

    /** What to answer, the same on both paths: 304 or the bytes, in gzip if the client takes it. */
    record Answer(boolean notModified, boolean gzip, String etag, Buffer body) {}

    static Answer answer(RenderedFeed feed, String acceptEncoding, String ifNoneMatch) {
        boolean gzip = FeedResource.acceptsGzip(acceptEncoding);
        if (ifNoneMatch != null && feed.matches(ifNoneMatch)) {
            return new Answer(true, gzip, feed.etag(gzip), null);
        }
        // The shared direct bytes, wrapped (not copied): the server writes them to the socket as they are.
        Buffer body = Buffer.buffer(Unpooled.wrappedBuffer(gzip ? feed.gzip() : feed.identity()));
        return new Answer(false, gzip, feed.etag(gzip), body);
    }

    private FeedKey subscriber(RoutingContext ctx) {
        String token = name(ctx);
        if (token == null) {
            return null;
        }
        Optional<FeedKey> key = feeds.cachedSubscriber(Tokens.hash(token));
        return key.orElse(null);
    }

    private static Function<RoutingContext, FeedKey> code(Function<String, FeedKey> key) {
        return ctx -> {
            String code = name(ctx);
            return code != null && CatalogCodes.isCode(code) ? key.apply(code) : null;
        };
    }

    /** {@code x} of the path's {@code x.ics} (decoded, as RESTEasy reads it); null if it is no such name. */
    private static String name(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        if (file == null || !file.endsWith(ICS) || file.length() == ICS.length()) {
            return null;
        }
        return file.substring(0, file.length() - ICS.length());
    }
}
