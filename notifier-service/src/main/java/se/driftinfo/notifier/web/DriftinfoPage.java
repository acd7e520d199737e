package se.driftinfo.notifier.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.catalog.Catalog;
import se.driftinfo.notifier.feed.FeedMessages;
import se.driftinfo.notifier.outage.OutageRepository;
import se.driftinfo.notifier.outage.OutageView;
import se.driftinfo.notifier.subscription.SubscriptionRequest;
import se.driftinfo.notifier.subscription.SubscriptionService;
import se.driftinfo.notifier.window.Occurrence;
import se.driftinfo.notifier.window.Occurrences;
import se.driftinfo.notifier.window.WindowRepository;
import se.driftinfo.notifier.window.WindowView;

/**
 * The public page clinics open: active outages, the coming weeks' maintenance, calendar links for
 * every client (webcal for Apple and Outlook desktop; Google, Outlook.com and Microsoft 365 need https),
 * and a subscribe form. Swedish by default, English with {@code ?lang=en} or a browser that prefers English;
 * the texts are the {@link DriftinfoPageMessages} bundle.
 */
@Path("/driftinfo")
@Produces(MediaType.TEXT_HTML)
public class DriftinfoPage {

    static final Duration UPCOMING = Duration.ofDays(60);
    static final int MAX_ROWS = 50;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** One active outage. */
    public record OutageRow(String title, String region, String systems, String since, boolean down, String status) {}

    /** One coming occurrence. */
    public record OccurrenceRow(String title, String region, String systems, String when, boolean moved) {}

    /** Ways to add one feed to a calendar. */
    public record FeedLinks(String name, String https, String webcal, String google, String outlook, String office) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(
                List<OutageRow> outages,
                List<OccurrenceRow> upcoming,
                List<FeedLinks> feeds,
                List<RegionV1> regions,
                String lang);

        static native TemplateInstance subscribed(String email, String lang);
    }

    private final WindowRepository windows;
    private final OutageRepository outages;
    private final Catalog catalog;
    private final SubscriptionService subscriptions;
    private final NotifierConfig config;
    private final FeedMessages feedNames;
    private final DriftinfoPageMessages swedish;
    private final DriftinfoPageMessages english;
    private final Clock clock;

    public DriftinfoPage(
            WindowRepository windows,
            OutageRepository outages,
            Catalog catalog,
            SubscriptionService subscriptions,
            NotifierConfig config,
            FeedMessages feedNames,
            DriftinfoPageMessages swedish,
            @Localized("en") DriftinfoPageMessages english,
            Clock clock) {
        this.windows = windows;
        this.outages = outages;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.config = config;
        this.feedNames = feedNames;
        this.swedish = swedish;
        this.english = english;
        this.clock = clock;
    }

    @GET
    @Transactional
    public TemplateInstance page(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = locale(lang, headers);
        DateTimeFormatter when = DateTimeFormatter.ofPattern(text(locale).datePattern(), locale);
        List<OutageRow> active = new ArrayList<>();
        for (OutageView view : outages.active()) {
            OutageV1 o = view.outage();
            active.add(new OutageRow(
                    o.title(),
                    catalog.regionName(o.region()),
                    catalog.systemNames(o.region(), o.systems()),
                    when.format(o.startedAt().atZone(STOCKHOLM)),
                    "OUTAGE".equals(o.impact()),
                    o.status()));
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(STOCKHOLM);
        List<OccurrenceRow> upcoming = new ArrayList<>();
        record Dated(ZonedDateTime start, OccurrenceRow row) {}
        List<Dated> dated = new ArrayList<>();
        for (WindowView view : windows.all()) {
            if (view.cancelled()) {
                continue;
            }
            WindowV1 w = view.window();
            for (Occurrence o : Occurrences.between(w, now, now.plus(UPCOMING))) {
                dated.add(new Dated(
                        o.start(),
                        new OccurrenceRow(
                                w.title(),
                                catalog.regionName(w.region()),
                                catalog.systemNames(w.region(), w.systems()),
                                when.format(o.start()) + "–"
                                        + DateTimeFormatter.ofPattern("HH:mm").format(o.end()),
                                o.moved())));
            }
        }
        dated.stream()
                .sorted(Comparator.comparing(Dated::start))
                .limit(MAX_ROWS)
                .forEach(d -> upcoming.add(d.row()));
        List<FeedLinks> feeds = new ArrayList<>();
        feeds.add(links(feedNames.allRegionsListed(), "/feeds/all.ics"));
        for (RegionV1 region : catalog.regions()) {
            feeds.add(links(region.name(), "/feeds/regions/" + region.code() + ".ics"));
        }
        return Templates.page(active, upcoming, feeds, catalog.regions(), locale.getLanguage())
                .setLocale(locale);
    }

    /** The page's form; the JSON API is {@code POST /api/subscriptions}. Same rules, same confirmation mail. */
    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance subscribe(
            @RestForm String email,
            @RestForm List<String> regions,
            @RestForm List<String> systems,
            @RestForm String language) {
        subscriptions.subscribe(new SubscriptionRequest(
                email,
                regions == null ? List.of() : regions,
                systems == null ? List.of() : systems,
                language == null ? "sv" : language));
        Locale locale = "en".equals(language) ? Locale.ENGLISH : SWEDISH;
        return Templates.subscribed(email, locale.getLanguage()).setLocale(locale);
    }

    /** {@code ?lang=sv|en} wins; otherwise the first of Swedish or English the browser accepts; Swedish if neither. */
    static Locale locale(String lang, HttpHeaders headers) {
        if ("en".equals(lang)) {
            return Locale.ENGLISH;
        }
        if (!"sv".equals(lang) && headers != null) {
            for (Locale accepted : headers.getAcceptableLanguages()) {
                if (accepted.getLanguage().equals("en")) {
                    return Locale.ENGLISH;
                }
                if (accepted.getLanguage().equals("sv")) {
                    break;
                }
            }
        }
        return SWEDISH;
    }

    private DriftinfoPageMessages text(Locale locale) {
        return locale.getLanguage().equals("en") ? english : swedish;
    }

    FeedLinks links(String name, String path) {
        String https = config.publicUrl() + path;
        String webcal = https.replaceFirst("^https?://", "webcal://");
        String url = encode(https);
        String title = encode(feedNames.named(name));
        return new FeedLinks(
                name,
                https,
                webcal,
                "https://calendar.google.com/calendar/render?cid=" + url,
                "https://outlook.live.com/calendar/0/addfromweb?url=" + url + "&name=" + title,
                "https://outlook.office.com/calendar/0/addfromweb?url=" + url + "&name=" + title);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
