package se.driftinfo.notifier.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.validation.NoIdentityNumber;
import se.driftinfo.kit.web.ClientAddress;
import se.driftinfo.notifier.Limits;
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
 * The public page clinics open: active outages, the coming weeks' maintenance as a list and a month
 * view ({@code ?month=2026-12}, with links to the months before and after), calendar links for every
 * client (webcal for Apple and Outlook desktop; Google, Outlook.com and Microsoft 365 need https), and a
 * subscribe form. {@code ?region=} narrows outages, list and month to one region. Swedish by default,
 * English with {@code ?lang=en} or a browser that prefers English; the texts are the {@link
 * DriftinfoPageMessages} bundle. Times are Europe/Stockholm's, whatever zone a window was planned in.
 */
@Path("/driftinfo")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DriftinfoPage {

    static final Duration UPCOMING = Duration.ofDays(60);
    static final int MAX_ROWS = 50;

    /** How far back the month view goes: enough to look up last season's windows. */
    static final int MONTHS_BACK = 12;

    /** How far ahead the month view goes: planners rarely publish further, and each month is expanded on request. */
    static final int MONTHS_AHEAD = 24;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private static final ZoneId STOCKHOLM = MonthCalendar.STOCKHOLM;
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** One active outage. */
    public record OutageRow(String title, String region, String systems, String since, boolean down, String status) {}

    /** One coming occurrence. */
    public record OccurrenceRow(String title, String region, String systems, String when, boolean moved) {}

    /** A weekday column: its short name shown, the full name for screen readers. */
    public record Weekday(String shortName, String name) {}

    /**
     * The month view.
     *
     * @param month the month shown, {@code 2026-12}
     * @param requested the month asked for with {@code ?month=}, kept by the language link; null for "now"
     * @param empty the sentence shown when nothing is in the month, else null
     * @param previousUrl null at the earliest month the page shows; {@code nextUrl} likewise
     */
    public record MonthView(
            String month,
            String requested,
            String caption,
            List<Weekday> weekdays,
            List<MonthCalendar.Week> weeks,
            String empty,
            String previousUrl,
            String previousLabel,
            String nextUrl,
            String nextLabel) {}

    /**
     * The subscribe form: what was typed and, after a refused post, a message per wrong field (null
     * where the field was fine). An address that held an identity number is not shown back.
     */
    public record SubscribeForm(
            String email,
            List<String> regions,
            String language,
            String emailError,
            String regionsError,
            String languageError) {

        static SubscribeForm empty(String language) {
            return new SubscribeForm("", List.of(), language, null, null, null);
        }

        public boolean hasErrors() {
            return emailError != null || regionsError != null || languageError != null;
        }

        public boolean chose(String region) {
            return regions.contains(region);
        }
    }

    /** Ways to add one feed to a calendar. */
    public record FeedLinks(String name, String https, String webcal, String google, String outlook, String office) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(
                List<OutageRow> outages,
                List<OccurrenceRow> upcoming,
                List<FeedLinks> feeds,
                List<RegionV1> regions,
                String lang,
                String region,
                MonthView month,
                String otherLanguageUrl,
                SubscribeForm form);

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
    private final RateLimits rateLimits;
    private final ClientAddress clientAddress;
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
            RateLimits rateLimits,
            ClientAddress clientAddress,
            Clock clock) {
        this.windows = windows;
        this.outages = outages;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.config = config;
        this.feedNames = feedNames;
        this.swedish = swedish;
        this.english = english;
        this.rateLimits = rateLimits;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    @GET
    @Transactional
    public TemplateInstance page(
            @QueryParam("lang") String lang,
            @QueryParam("region") String region,
            @QueryParam("month") String month,
            @Context HttpHeaders headers) {
        Locale locale = locale(lang, headers);
        return render(locale, region, month, SubscribeForm.empty(locale.getLanguage()));
    }

    private TemplateInstance render(Locale locale, String region, String month, SubscribeForm form) {
        DriftinfoPageMessages text = text(locale);
        String regionFilter = region == null || region.isBlank() ? null : region.strip();
        if (regionFilter != null && catalog.region(regionFilter).isEmpty()) {
            throw new InvalidFieldException("region", "unknown region '" + regionFilter + "'");
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(STOCKHOLM);
        YearMonth shown = month(month, YearMonth.from(now));
        DateTimeFormatter when = DateTimeFormatter.ofPattern(text.datePattern(), locale);
        List<OutageView> activeOutages = outages.active().stream()
                .filter(o -> regionFilter == null || regionFilter.equals(o.region))
                .toList();
        List<OutageRow> active = new ArrayList<>();
        for (OutageView view : activeOutages) {
            OutageV1 o = view.outage();
            active.add(new OutageRow(
                    o.title(),
                    catalog.regionName(o.region()),
                    catalog.systemNames(o.region(), o.systems()),
                    when.format(o.startedAt().atZone(STOCKHOLM)),
                    "OUTAGE".equals(o.impact()),
                    text.outageStatus(o.status())));
        }
        List<WindowView> shownWindows = regionFilter == null ? windows.all() : windows.inRegion(regionFilter);
        List<OccurrenceRow> upcoming = new ArrayList<>();
        record Dated(ZonedDateTime start, OccurrenceRow row) {}
        List<Dated> dated = new ArrayList<>();
        for (WindowView view : shownWindows) {
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
                                when.format(o.start().withZoneSameInstant(STOCKHOLM)) + "–"
                                        + HOURS.format(o.end().withZoneSameInstant(STOCKHOLM)),
                                o.moved())));
            }
        }
        dated.stream()
                .sorted(Comparator.comparing(Dated::start))
                .limit(MAX_ROWS)
                .forEach(d -> upcoming.add(d.row()));
        List<FeedLinks> feeds = new ArrayList<>();
        feeds.add(links(text.allRegions(), feedNames.allRegionsListed(), "/feeds/all.ics"));
        for (RegionV1 r : catalog.regions()) {
            feeds.add(links(r.name(), r.name(), "/feeds/regions/" + r.code() + ".ics"));
        }
        MonthView monthView = monthView(
                shown, now, regionFilter, month != null && !month.isBlank(), shownWindows, activeOutages, locale);
        return Templates.page(
                        active,
                        upcoming,
                        feeds,
                        catalog.regions(),
                        locale.getLanguage(),
                        regionFilter,
                        monthView,
                        pageUrl(text.otherLanguageCode(), regionFilter, monthView.requested(), null),
                        form)
                .setLocale(locale);
    }

    /** {@code ?month=2026-12}; absent means the current month; a few years either way at most. */
    static YearMonth month(String month, YearMonth current) {
        if (month == null || month.isBlank()) {
            return current;
        }
        YearMonth asked;
        try {
            if (!MONTH.matcher(month.strip()).matches()) {
                throw new DateTimeParseException("not YYYY-MM", month, 0);
            }
            asked = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("month", "must be a month as YYYY-MM, e.g. " + current);
        }
        if (asked.isBefore(current.minusMonths(MONTHS_BACK)) || asked.isAfter(current.plusMonths(MONTHS_AHEAD))) {
            throw new InvalidFieldException(
                    "month",
                    "must be from " + current.minusMonths(MONTHS_BACK) + " to " + current.plusMonths(MONTHS_AHEAD));
        }
        return asked;
    }

    /**
     * The month's grid with every occurrence of the shown windows that touches it, cancelled ones
     * marked, and the active outages on each day from their start until today.
     */
    private MonthView monthView(
            YearMonth month,
            ZonedDateTime now,
            String regionFilter,
            boolean requested,
            List<WindowView> shownWindows,
            List<OutageView> activeOutages,
            Locale locale) {
        DriftinfoPageMessages text = text(locale);
        ZonedDateTime from = month.atDay(1).atStartOfDay(STOCKHOLM);
        ZonedDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(STOCKHOLM);
        record Placed(int order, ZonedDateTime start, MonthCalendar.Entry entry) {}
        Map<LocalDate, List<Placed>> placed = new HashMap<>();
        for (OutageView view : activeOutages) {
            OutageV1 o = view.outage();
            ZonedDateTime started = o.startedAt().atZone(STOCKHOLM);
            if (!started.isBefore(to) || now.isBefore(from)) {
                continue;
            }
            for (MonthCalendar.Piece piece :
                    MonthCalendar.pieces(started, now.isAfter(started) ? now : started, month)) {
                String time = piece.day().equals(started.toLocalDate())
                        ? text.sinceTime(HOURS.format(started))
                        : text.ongoing();
                placed.computeIfAbsent(piece.day(), d -> new ArrayList<>())
                        .add(new Placed(
                                0,
                                started,
                                new MonthCalendar.Entry(
                                        time,
                                        o.title(),
                                        catalog.systemNames(o.region(), o.systems()),
                                        regionFilter == null ? catalog.regionName(o.region()) : null,
                                        false,
                                        false,
                                        true,
                                        "OUTAGE".equals(o.impact()))));
            }
        }
        for (WindowView view : shownWindows) {
            WindowV1 w = view.window();
            for (Occurrence o : Occurrences.overlapping(w, from, to)) {
                ZonedDateTime start = o.start().withZoneSameInstant(STOCKHOLM);
                ZonedDateTime end = o.end().withZoneSameInstant(STOCKHOLM);
                for (MonthCalendar.Piece piece : MonthCalendar.pieces(start, end, month)) {
                    String time =
                            switch (piece.span()) {
                                case WITHIN -> HOURS.format(start) + "–" + HOURS.format(end);
                                case STARTS -> text.fromTime(HOURS.format(start));
                                case CONTINUES -> text.allDay();
                                case ENDS -> text.untilTime(HOURS.format(end));
                            };
                    placed.computeIfAbsent(piece.day(), d -> new ArrayList<>())
                            .add(new Placed(
                                    1,
                                    start,
                                    new MonthCalendar.Entry(
                                            time,
                                            w.title(),
                                            catalog.systemNames(w.region(), w.systems()),
                                            regionFilter == null ? catalog.regionName(w.region()) : null,
                                            o.cancelled(),
                                            o.moved(),
                                            false,
                                            false)));
                }
            }
        }
        Map<LocalDate, List<MonthCalendar.Entry>> entries = new HashMap<>();
        placed.forEach((day, list) -> entries.put(
                day,
                list.stream()
                        .sorted(Comparator.comparingInt(Placed::order)
                                .thenComparing(Placed::start)
                                .thenComparing(p -> p.entry().title()))
                        .map(Placed::entry)
                        .toList()));
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern(text.monthPattern(), locale);
        String name = monthName.format(month);
        String regionName = regionFilter == null ? text.allRegions() : catalog.regionName(regionFilter);
        List<Weekday> weekdays = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.add(new Weekday(
                    day.getDisplayName(TextStyle.SHORT, locale), day.getDisplayName(TextStyle.FULL, locale)));
        }
        YearMonth current = YearMonth.from(now);
        YearMonth previous = month.minusMonths(1);
        YearMonth next = month.plusMonths(1);
        boolean hasPrevious = !previous.isBefore(current.minusMonths(MONTHS_BACK));
        boolean hasNext = !next.isAfter(current.plusMonths(MONTHS_AHEAD));
        return new MonthView(
                month.toString(),
                requested ? month.toString() : null,
                text.monthCaption(name, regionName),
                weekdays,
                MonthCalendar.weeks(month, now.toLocalDate(), entries),
                entries.isEmpty() ? text.nothingInMonth(name) : null,
                hasPrevious ? pageUrl(locale.getLanguage(), regionFilter, previous.toString(), "month") : null,
                hasPrevious ? text.previousMonth(monthName.format(previous)) : null,
                hasNext ? pageUrl(locale.getLanguage(), regionFilter, next.toString(), "month") : null,
                hasNext ? text.nextMonth(monthName.format(next)) : null);
    }

    /** A link to this page keeping the reader's language, region and month; {@code anchor} without '#'. */
    static String pageUrl(String lang, String region, String month, String anchor) {
        StringBuilder url = new StringBuilder("/driftinfo?lang=").append(lang);
        if (region != null) {
            url.append("&region=").append(encode(region));
        }
        if (month != null) {
            url.append("&month=").append(month);
        }
        if (anchor != null) {
            url.append('#').append(anchor);
        }
        return url.toString();
    }

    /**
     * The page's form; the JSON API is {@code POST /api/subscriptions}. Same rules, same confirmation
     * mail, same rate limits. A refused post shows the page again (400) with the message on each wrong
     * field and the values typed, in the language chosen in the form.
     */
    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(
            @RestForm String email,
            @RestForm List<String> regions,
            @RestForm List<String> systems,
            @RestForm String language,
            @Context HttpHeaders headers) {
        rateLimits.check(Limits.SUBSCRIBE, clientAddress.get());
        List<String> chosen = regions == null ? List.of() : regions;
        try {
            subscriptions.subscribe(new SubscriptionRequest(
                    email, chosen, systems == null ? List.of() : systems, language == null ? "sv" : language));
        } catch (ConstraintViolationException e) {
            return refused(email, chosen, language, headers, fields(e));
        } catch (InvalidFieldException e) {
            Map<String, FieldProblem> problems = new HashMap<>();
            e.errors().forEach(error -> problems.put(formField(error.field()), FieldProblem.INVALID));
            return refused(email, chosen, language, headers, problems);
        }
        Locale locale = "en".equals(language) ? Locale.ENGLISH : SWEDISH;
        return Response.ok(Templates.subscribed(email, locale.getLanguage()).setLocale(locale))
                .build();
    }

    /** Why a field of the form was refused: an identity number (the text must go), or anything else. */
    enum FieldProblem {
        PATIENT_DATA,
        INVALID
    }

    private Response refused(
            String email,
            List<String> regions,
            String language,
            HttpHeaders headers,
            Map<String, FieldProblem> problems) {
        Locale locale = "sv".equals(language) || "en".equals(language) ? locale(language, null) : locale(null, headers);
        DriftinfoPageMessages text = text(locale);
        FieldProblem emailProblem = problems.get("email");
        SubscribeForm form = new SubscribeForm(
                emailProblem == FieldProblem.PATIENT_DATA || email == null ? "" : email,
                regions,
                locale.getLanguage(),
                emailProblem == null
                        ? null
                        : emailProblem == FieldProblem.PATIENT_DATA ? text.emailPatientData() : text.emailInvalid(),
                problems.containsKey("regions") ? text.regionsInvalid() : null,
                problems.containsKey("language") ? text.languageInvalid() : null);
        return Response.status(400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(QuarkusTransaction.requiringNew().call(() -> render(locale, null, null, form)))
                .build();
    }

    /** Each wrong field of the form once; an identity number wins over any other reason. */
    private static Map<String, FieldProblem> fields(ConstraintViolationException e) {
        Map<String, FieldProblem> problems = new HashMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            FieldProblem problem = v.getConstraintDescriptor().getAnnotation() instanceof NoIdentityNumber
                    ? FieldProblem.PATIENT_DATA
                    : FieldProblem.INVALID;
            problems.merge(formField(path(v)), problem, (a, b) -> a == FieldProblem.PATIENT_DATA ? a : b);
        }
        return problems;
    }

    /** {@code subscribe.request.regions[0].<list element>} and {@code systems[1]} become the form's fields. */
    private static String formField(String path) {
        for (String field : List.of("email", "language", "regions")) {
            if (path.equals(field) || path.startsWith(field + "[") || path.contains("." + field)) {
                return field;
            }
        }
        // The form has no systems field: a system the regions do not lend is told at the regions.
        return "regions";
    }

    private static String path(ConstraintViolation<?> v) {
        StringBuilder path = new StringBuilder();
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            path.append('.').append(node.getName());
        }
        return path.toString();
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

    /**
     * @param name the feed as the page names it, in the reader's language
     * @param calendarName the feed's own (Swedish) name, for the calendar a client creates from it
     */
    FeedLinks links(String name, String calendarName, String path) {
        String https = config.publicUrl() + path;
        String webcal = https.replaceFirst("^https?://", "webcal://");
        String url = encode(https);
        String title = encode(feedNames.named(calendarName));
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
