package se.driftinfo.notifier.feed.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import se.driftinfo.contracts.catalog.CatalogCodes;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.web.ClientAddress;
import se.driftinfo.notifier.Limits;
import se.driftinfo.notifier.feed.FeedKey;
import se.driftinfo.notifier.feed.Feeds;
import se.driftinfo.notifier.feed.RenderedFeed;
import se.driftinfo.notifier.subscription.Tokens;

/**
 * Public and private iCal feeds. Served inline as {@code text/calendar; charset=utf-8} with a strong
 * ETag over the bytes; the bytes only change when the data does, so {@code If-None-Match} gives 304.
 * Public: calendar apps fetch them without an account; a private feed's token is its credential.
 *
 * <p>A feed held in memory is answered by {@link FeedRoutes} before the request gets here. What does
 * get here is a feed to render (the first request after a change), an unknown region, system or token,
 * or a HEAD. The methods return {@link Uni}, so they run on the event loop too: a feed in memory is
 * answered at once, with no hop to a worker thread and no database; only rendering and the token's
 * lookup go to a worker ({@link Feeds#load}), once for all the requests that wait for the same feed.
 * A client that accepts gzip gets the bytes compressed once at rendering ({@code Content-Encoding:
 * gzip}); every answer says {@code Vary: Accept-Encoding}.
 */
@Path("/feeds")
@PermitAll
@Produces(FeedResource.TEXT_CALENDAR)
public class FeedResource {

    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    static final String CACHE_CONTROL = "max-age=300";
    /** The answer depends on the request's Accept-Encoding (gzip or not). */
    static final String VARY = "Accept-Encoding";

    private final Feeds feeds;
    private final RateLimits rateLimits;
    private final ClientAddress clientAddress;

    public FeedResource(Feeds feeds, RateLimits rateLimits, ClientAddress clientAddress) {
        this.feeds = feeds;
        this.rateLimits = rateLimits;
        this.clientAddress = clientAddress;
    }

    @GET
    @Path("all.ics")
    public Uni<Response> all(HttpHeaders headers) {
        return serve(FeedKey.all(), headers);
    }

    @GET
    @Path("regions/{region}.ics")
    public Uni<Response> region(@PathParam("region") String region, HttpHeaders headers) {
        if (!CatalogCodes.isCode(region)) {
            throw new NotFoundException("Region");
        }
        return serve(FeedKey.region(region), headers);
    }

    @GET
    @Path("systems/{system}.ics")
    public Uni<Response> system(@PathParam("system") String system, HttpHeaders headers) {
        if (!CatalogCodes.isCode(system)) {
            throw new NotFoundException("System");
        }
        return serve(FeedKey.system(system), headers);
    }

    /**
     * A subscriber's own feed: its regions and systems. The token is the only credential; it is
     * compared by its hash. An unknown token counts against the client's token misses (gap 11).
     * A known token is remembered until a subscription changes: an unsubscribe or a renewed address
     * refuses the old token at once on this replica and within the version check on the others.
     */
    @GET
    @Path("s/{token}.ics")
    public Uni<Response> subscriber(@PathParam("token") String token, HttpHeaders headers) {
        String hash = Tokens.hash(token);
        Optional<FeedKey> known = feeds.cachedSubscriber(hash);
        if (known.isPresent()) {
            return serve(known.get(), headers);
        }
        String client = clientAddress.get();
        return Uni.createFrom()
                .completionStage(() -> feeds.loadSubscriber(hash))
                .chain(key -> {
                    if (key.isEmpty()) {
                        rateLimits.check(Limits.TOKEN_MISSES, client);
                        return Uni.createFrom().failure(new NotFoundException("Feed"));
                    }
                    return serve(key.get(), headers);
                });
    }

    private Uni<Response> serve(FeedKey key, HttpHeaders headers) {
        RenderedFeed feed = feeds.cached(key);
        if (feed != null) {
            return Uni.createFrom().item(respond(feed, headers));
        }
        return Uni.createFrom().completionStage(() -> feeds.load(key)).map(rendered -> respond(rendered, headers));
    }

    private static Response respond(RenderedFeed feed, HttpHeaders headers) {
        FeedRoutes.Answer answer = FeedRoutes.answer(
                feed,
                headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING),
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        Response.ResponseBuilder response;
        if (answer.notModified()) {
            response = Response.notModified();
        } else {
            response = Response.ok(answer.body(), TEXT_CALENDAR);
            if (answer.gzip()) {
                response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        }
        return response.header(HttpHeaders.ETAG, answer.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, VARY)
                .build();
    }

    /** True if {@code Accept-Encoding} accepts gzip (named, or {@code *}, with a q-value above 0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean gzip = false;
        boolean named = false;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean acceptable = true;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        acceptable = Double.parseDouble(p.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        acceptable = false;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = true;
                gzip = acceptable;
            } else if (coding.equals("*") && !named) {
                gzip = acceptable;
            }
        }
        return gzip;
    }
}
