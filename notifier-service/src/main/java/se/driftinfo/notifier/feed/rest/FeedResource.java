package se.driftinfo.notifier.feed.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import se.driftinfo.contracts.catalog.CatalogCodes;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.web.ClientAddress;
import se.driftinfo.notifier.Limits;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.feed.FeedMessages;
import se.driftinfo.notifier.feed.FeedRenderer;
import se.driftinfo.notifier.outage.OutageRepository;
import se.driftinfo.notifier.outage.OutageView;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.SubscriptionRepository;
import se.driftinfo.notifier.window.WindowRepository;
import se.driftinfo.notifier.window.WindowView;

/**
 * Public and private iCal feeds. Served inline as {@code text/calendar; charset=utf-8} with a strong
 * ETag over the bytes; the bytes only change when the data does, so {@code If-None-Match} gives 304.
 * Public: calendar apps fetch them without an account; a private feed's token is its credential.
 */
@Path("/feeds")
@PermitAll
@Produces(FeedResource.TEXT_CALENDAR)
public class FeedResource {

    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    /** Resolved outages stay in feeds this long, then drop out so feeds do not grow forever. */
    static final Duration RESOLVED_OUTAGES_KEPT = Duration.ofDays(90);

    private final FeedRenderer renderer;
    private final WindowRepository windows;
    private final OutageRepository outages;
    private final SubscriptionRepository subscriptions;
    private final Catalog catalog;
    private final FeedMessages messages;
    private final RateLimits rateLimits;
    private final ClientAddress clientAddress;
    private final Clock clock;

    public FeedResource(
            FeedRenderer renderer,
            WindowRepository windows,
            OutageRepository outages,
            SubscriptionRepository subscriptions,
            Catalog catalog,
            FeedMessages messages,
            RateLimits rateLimits,
            ClientAddress clientAddress,
            Clock clock) {
        this.renderer = renderer;
        this.windows = windows;
        this.outages = outages;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.messages = messages;
        this.rateLimits = rateLimits;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    @GET
    @Path("all.ics")
    @Transactional
    public Response all(Request request) {
        return respond(request, messages.allRegions(), windows.all(), recent(outages.all()));
    }

    @GET
    @Path("regions/{region}.ics")
    @Transactional
    public Response region(@PathParam("region") String region, Request request) {
        if (!CatalogCodes.isCode(region)) {
            throw new NotFoundException("Region");
        }
        List<WindowView> inRegion = windows.inRegion(region);
        if (catalog.region(region).isEmpty() && inRegion.isEmpty()) {
            throw new NotFoundException("Region '" + region + "'");
        }
        return respond(request, messages.named(catalog.regionName(region)), inRegion, recent(outages.inRegion(region)));
    }

    @GET
    @Path("systems/{system}.ics")
    @Transactional
    public Response system(@PathParam("system") String system, Request request) {
        if (!CatalogCodes.isCode(system)) {
            throw new NotFoundException("System");
        }
        List<WindowView> forSystem = windows.forSystem(system);
        if (!catalog.knowsSystem(system) && forSystem.isEmpty()) {
            throw new NotFoundException("System '" + system + "'");
        }
        String name = catalog.regions().stream()
                .flatMap(r -> r.systems().stream())
                .filter(s -> s.code().equals(system))
                .map(s -> s.name())
                .findFirst()
                .orElse(system);
        return respond(request, messages.named(name), forSystem, recent(outages.forSystem(system)));
    }

    /**
     * A subscriber's own feed: its regions and systems. The token is the only credential; it is
     * compared by its hash. An unknown token counts against the client's token misses (gap 11).
     */
    @GET
    @Path("s/{token}.ics")
    @Transactional
    public Response subscriber(@PathParam("token") String token, Request request) {
        Subscription subscription = subscriptions.byFeedToken(token).orElseThrow(() -> {
            rateLimits.check(Limits.TOKEN_MISSES, clientAddress.get());
            return new NotFoundException("Feed");
        });
        List<WindowView> mine = windows.all().stream()
                .filter(w -> subscription.wants(w.region, w.systems))
                .toList();
        List<OutageView> myOutages = recent(outages.all()).stream()
                .filter(o -> subscription.wants(o.region, o.systems))
                .toList();
        return respond(request, messages.mine(), mine, myOutages);
    }

    private List<OutageView> recent(List<OutageView> all) {
        Instant cutoff = Instant.now(clock).minus(RESOLVED_OUTAGES_KEPT);
        return all.stream()
                .filter(o -> o.active() || o.resolvedAt.isAfter(cutoff))
                .toList();
    }

    private Response respond(Request request, String name, List<WindowView> windows, List<OutageView> outages) {
        byte[] body =
                renderer.render(name, windows, outages, Instant.now(clock)).getBytes(StandardCharsets.UTF_8);
        EntityTag tag = new EntityTag(sha256(body));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).build();
        }
        return Response.ok(body, TEXT_CALENDAR).tag(tag).cacheControl(cache).build();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
