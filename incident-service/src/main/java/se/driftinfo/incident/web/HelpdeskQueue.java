package se.driftinfo.incident.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.burst.BurstDetector;
import se.driftinfo.incident.burst.BurstSuggestion;
import se.driftinfo.incident.burst.BurstSuggestions;
import se.driftinfo.incident.catalog.CatalogRegion;
import se.driftinfo.incident.catalog.CatalogRepository;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.outage.OutageImpact;
import se.driftinfo.incident.outage.OutageRepository;
import se.driftinfo.incident.outage.OutageService;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportRepository;
import se.driftinfo.incident.report.FaultReportRepository.QueueFilter;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.report.ReportStatus;
import se.driftinfo.incident.report.Responsibility;
import se.driftinfo.incident.sla.SupportHours;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.DomainException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.domain.OutsideRegionException;
import se.driftinfo.kit.domain.StaleVersionException;
import se.driftinfo.kit.validation.PersonnummerGuard;

/**
 * The helpdesk's queue: bursts to declare, outages going on, and the open reports whose SLA clock is due
 * first, filtered and paged in the database. The queue's live part is fetched again every few seconds by
 * {@code /js/queue.js} ({@code GET /helpdesk/queue}, 304 while nothing changed); bulk actions and the
 * answers to bursts are form posts that redirect back (303) with what happened in the query string.
 * Changes go through the same services as the JSON API.
 */
@Path("/helpdesk")
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class HelpdeskQueue {

    static final int PAGE_SIZE = 50;

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<ReportStatus> COUNTED = List.of(
            ReportStatus.NEW, ReportStatus.TRIAGED, ReportStatus.IN_PROGRESS, ReportStatus.WAITING_FOR_REPORTER);

    private final FaultReportRepository reports;
    private final FaultReportService reportService;
    private final OutageService outageService;
    private final OutageRepository outageRepository;
    private final BurstDetector bursts;
    private final BurstSuggestions suggestions;
    private final CatalogRepository catalog;
    private final RegionAccess access;
    private final SecurityIdentity identity;
    private final QueueMessages msg;
    private final Clock clock;

    public HelpdeskQueue(
            FaultReportRepository reports,
            FaultReportService reportService,
            OutageService outageService,
            OutageRepository outageRepository,
            BurstDetector bursts,
            BurstSuggestions suggestions,
            CatalogRepository catalog,
            RegionAccess access,
            SecurityIdentity identity,
            QueueMessages msg,
            Clock clock) {
        this.reports = reports;
        this.reportService = reportService;
        this.outageService = outageService;
        this.outageRepository = outageRepository;
        this.bursts = bursts;
        this.suggestions = suggestions;
        this.catalog = catalog;
        this.access = access;
        this.identity = identity;
        this.msg = msg;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(QueueView view);

        static native TemplateInstance live(QueueView.Live live);
    }

    /** What a post tells the page it redirects to: the action's outcome, in the query string. */
    enum Notice {
        NONE_SELECTED,
        NO_OUTAGE,
        NO_STATUS,
        ASSIGNEE_TOO_LONG,
        ASSIGNEE_PATIENT_DATA,
        SUGGESTION_CLOSED,
        SUGGESTION_INVALID,
        SUGGESTION_DISMISSED
    }

    /** Why one report of a bulk action was left as it was. */
    enum Refusal {
        TRANSITION,
        NEEDS_PRIORITY,
        CLOSED,
        OTHER_REGION,
        CHANGED,
        GONE,
        FAILED
    }

    @GET
    @Transactional
    public TemplateInstance page(
            @QueryParam("region") String region,
            @QueryParam("system") String system,
            @QueryParam("status") String status,
            @QueryParam("priority") String priority,
            @QueryParam("responsibility") String responsibility,
            @QueryParam("mine") String mine,
            @QueryParam("page") String page,
            @QueryParam("done") String done,
            @QueryParam("action") String action,
            @QueryParam("to") String to,
            @QueryParam("failed") List<String> failed,
            @QueryParam("notice") String notice) {
        QueueFilters filters = QueueFilters.read(region, system, status, priority, responsibility, mine, page);
        Map<String, CatalogRegion> regions = visibleRegions(filters);
        Instant now = Instant.now(clock);
        return Templates.page(new QueueView(
                filter(filters, regions),
                flash(done, action, to, failed, notice),
                bursts.open().stream()
                        .filter(s -> access.allows(s.region))
                        .filter(s ->
                                filters.region() == null || filters.region().equals(s.region))
                        .map(s -> new QueueView.Suggestion(
                                s.id.toString(),
                                regionName(regions, s.region),
                                systemName(regions, s.region, s.system),
                                s.reportCount,
                                format(s.firstReportAt)))
                        .toList(),
                outageService.list(true).stream()
                        .filter(o -> access.allows(o.region))
                        .filter(o ->
                                filters.region() == null || filters.region().equals(o.region))
                        .map(o -> new QueueView.ActiveOutage(
                                o.id.toString(),
                                o.reference,
                                o.title,
                                regionName(regions, o.region),
                                o.systems.stream()
                                        .map(code -> systemName(regions, o.region, code))
                                        .collect(Collectors.joining(", ")),
                                msg.impact(o.impact.name()),
                                msg.outageStatus(o.status.name()),
                                format(o.startedAt)))
                        .toList(),
                live(filters, regions, now),
                filters.query()));
    }

    /**
     * The live part of the queue for the page's script. Its ETag is the hash of what it shows, so every
     * replica answers 304 alike while nothing the operator would see has changed.
     */
    @GET
    @Path("/queue")
    @Transactional
    public Response live(
            @QueryParam("region") String region,
            @QueryParam("system") String system,
            @QueryParam("status") String status,
            @QueryParam("priority") String priority,
            @QueryParam("responsibility") String responsibility,
            @QueryParam("mine") String mine,
            @QueryParam("page") String page,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        QueueFilters filters = QueueFilters.read(region, system, status, priority, responsibility, mine, page);
        String html = Templates.live(live(filters, visibleRegions(filters), Instant.now(clock)))
                .render();
        EntityTag etag = new EntityTag(hash(html));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        revalidate.setPrivate(true);
        if (ifNoneMatch != null && Stream.of(ifNoneMatch.split(",")).anyMatch(t -> matches(t, etag))) {
            return Response.notModified(etag).cacheControl(revalidate).build();
        }
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .tag(etag)
                .cacheControl(revalidate)
                .build();
    }

    /**
     * Links, assigns or moves the selected reports, each in its own transaction: a report the action does
     * not fit is named on the page with the reason, the others are changed.
     */
    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(
            @FormParam("reports") List<String> ids,
            @FormParam("action") String action,
            @FormParam("outage") String outage,
            @FormParam("assignee") String assignee,
            @FormParam("status") String status,
            @FormParam("q") String query) {
        QueueFilters back = QueueFilters.parse(query);
        List<UUID> selected = ids == null
                ? List.of()
                : ids.stream()
                        .filter(id -> !id.isBlank())
                        .distinct()
                        .map(id -> Params.uuid("reports", id))
                        .toList();
        String verb = action == null ? "" : action.strip();
        String actor = identity.getPrincipal().getName();
        if (selected.isEmpty()) {
            return notice(back, Notice.NONE_SELECTED);
        }
        Function<FaultReport, FaultReport> change;
        String target = null;
        switch (verb) {
            case "link" -> {
                if (outage == null || outage.isBlank()) {
                    return notice(back, Notice.NO_OUTAGE);
                }
                Outage o = outageService.get(Params.uuid("outage", outage));
                access.require(o.region);
                change = r -> reportService.link(r.id, o.id, actor);
            }
            case "take" -> change = r -> reportService.triage(r.id, null, assign(actor), actor);
            case "assign" -> {
                if (assignee != null && assignee.strip().length() > 100) {
                    return notice(back, Notice.ASSIGNEE_TOO_LONG);
                }
                // The same guard as Triage's, asked once: otherwise every selected report fails alike.
                if (PersonnummerGuard.containsIdentityNumber(assignee)) {
                    return notice(back, Notice.ASSIGNEE_PATIENT_DATA);
                }
                change = r -> reportService.triage(r.id, null, assign(assignee), actor);
            }
            case "status" -> {
                ReportStatus wanted = Params.enumOrNull("status", status, ReportStatus.class);
                if (wanted == null) {
                    return notice(back, Notice.NO_STATUS);
                }
                target = wanted.name();
                change = r -> reportService.triage(r.id, null, moveTo(wanted), actor);
            }
            default -> throw new InvalidFieldException("action", "must be one of link, take, assign, status");
        }
        int done = 0;
        List<String> failed = new ArrayList<>();
        for (UUID id : selected) {
            FaultReport before;
            try {
                before = reportService.get(id);
                access.require(before.region);
            } catch (NotFoundException | OutsideRegionException e) {
                failed.add(id + ":" + Refusal.GONE.name());
                continue;
            }
            try {
                change.apply(before);
                done++;
            } catch (DomainException | ConstraintViolationException | OptimisticLockException e) {
                failed.add(id + ":" + refusal(e, before, verb, target).name());
            }
        }
        StringBuilder flash = new StringBuilder("done=" + done + "&action=" + verb);
        if (target != null) {
            flash.append("&to=").append(target);
        }
        failed.forEach(f -> flash.append("&failed=").append(encode(f)));
        return redirect(back, flash.toString());
    }

    /** Declares the outage a burst points at, with its reports linked, and opens the outage's page. */
    @POST
    @Path("/bursts/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(
            @PathParam("id") String id,
            @FormParam("title") String title,
            @FormParam("message") String message,
            @FormParam("impact") String impact) {
        UUID suggestion = Params.uuid("id", id);
        QueueFilters back = QueueFilters.parse(null);
        Optional<BurstSuggestion> open = openSuggestion(suggestion);
        if (open.isEmpty()) {
            return notice(back, Notice.SUGGESTION_CLOSED);
        }
        access.require(open.get().region);
        OutageImpact chosen;
        try {
            chosen = Params.enumOrNull("impact", impact, OutageImpact.class);
        } catch (InvalidFieldException e) {
            chosen = null; // refused with the other fields below
        }
        try {
            BurstSuggestions.Accepted accepted = suggestions.accept(
                    suggestion,
                    new BurstSuggestions.Acceptance(title, message, chosen),
                    identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/helpdesk/outages/" + accepted.outage().id))
                    .build();
        } catch (ConstraintViolationException | InvalidFieldException e) {
            return notice(back, Notice.SUGGESTION_INVALID);
        } catch (ConflictException | NotFoundException e) {
            return notice(back, Notice.SUGGESTION_CLOSED);
        }
    }

    @POST
    @Path("/bursts/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") String id) {
        UUID suggestion = Params.uuid("id", id);
        QueueFilters back = QueueFilters.parse(null);
        Optional<BurstSuggestion> open = openSuggestion(suggestion);
        if (open.isEmpty()) {
            return notice(back, Notice.SUGGESTION_CLOSED);
        }
        access.require(open.get().region);
        try {
            suggestions.dismiss(suggestion);
        } catch (ConflictException | NotFoundException e) {
            return notice(back, Notice.SUGGESTION_CLOSED);
        }
        return notice(back, Notice.SUGGESTION_DISMISSED);
    }

    private Optional<BurstSuggestion> openSuggestion(UUID id) {
        return bursts.open().stream().filter(s -> s.id.equals(id)).findFirst();
    }

    /** The catalog's regions this account may see; asking for another one is refused (403). */
    private Map<String, CatalogRegion> visibleRegions(QueueFilters filters) {
        if (filters.region() != null) {
            access.require(filters.region());
        }
        Map<String, CatalogRegion> regions = new LinkedHashMap<>();
        catalog.allRegions().stream().filter(r -> access.allows(r.code)).forEach(r -> regions.put(r.code, r));
        return regions;
    }

    private QueueView.Filter filter(QueueFilters f, Map<String, CatalogRegion> regions) {
        Map<String, String> systems = new LinkedHashMap<>();
        regions.values().stream()
                .filter(r -> f.region() == null || r.code.equals(f.region()))
                .flatMap(r -> r.systems.stream())
                .sorted((a, b) -> a.name.compareToIgnoreCase(b.name))
                .forEach(s -> systems.putIfAbsent(s.code, s.name));
        return new QueueView.Filter(
                f.region() == null ? "" : f.region(),
                f.system() == null ? "" : f.system(),
                f.status() == null ? "" : f.status().name(),
                f.priority() == null ? "" : f.priority().name(),
                f.responsibility() == null ? "" : f.responsibility().name(),
                f.mine(),
                regions.values().stream()
                        .map(r -> new QueueView.Option(r.code, r.name))
                        .toList(),
                systems.entrySet().stream()
                        .map(e -> new QueueView.Option(e.getKey(), e.getValue()))
                        .toList(),
                Stream.of(ReportStatus.values()).map(Enum::name).toList(),
                Stream.of(Priority.values()).map(Enum::name).toList(),
                Stream.of(Responsibility.values()).map(Enum::name).toList());
    }

    private QueueView.Live live(QueueFilters f, Map<String, CatalogRegion> regions, Instant now) {
        QueueFilter filter = new QueueFilter(
                access.limitedTo().orElse(null),
                f.region(),
                f.system(),
                f.status(),
                f.priority(),
                f.responsibility(),
                f.mine() ? identity.getPrincipal().getName() : null);
        long total = reports.countQueue(filter);
        int offset = (f.page() - 1) * PAGE_SIZE;
        List<FaultReport> page = total == 0 ? List.of() : reports.queue(filter, offset, PAGE_SIZE);
        Map<ReportStatus, Long> counts = reports.countByStatus(filter);
        List<UUID> linked = page.stream()
                .map(r -> r.outageId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        Map<UUID, Outage> outages = linked.isEmpty()
                ? Map.of()
                : outageRepository.list("id in ?1", linked).stream().collect(Collectors.toMap(o -> o.id, o -> o));
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.forLanguageTag("sv-SE"));
        return new QueueView.Live(
                f.href("/helpdesk/queue"),
                COUNTED.stream()
                        .map(s -> new QueueView.Count(
                                s.name(), counts.get(s), f.withStatus(s).href("/helpdesk"), s == f.status()))
                        .toList(),
                page.stream().map(r -> row(r, regions, outages, now)).toList(),
                page.isEmpty()
                        ? msg.showingNone()
                        : msg.showing(
                                number.format(offset + 1L),
                                number.format((long) offset + page.size()),
                                number.format(total)),
                f.page() > 1 ? f.withPage(f.page() - 1).href("/helpdesk") : null,
                offset + page.size() < total ? f.withPage(f.page() + 1).href("/helpdesk") : null,
                f.status() == null ? "" : msg.status(f.status().name()));
    }

    private QueueView.Row row(
            FaultReport r, Map<String, CatalogRegion> regions, Map<UUID, Outage> outages, Instant now) {
        CatalogRegion region = regions.get(r.region);
        SupportHours hours = region == null ? SupportHours.allHours(ZoneOffset.UTC) : region.supportHours();
        Instant due = r.runningDue();
        String sla;
        String state;
        if (r.status == ReportStatus.RESOLVED || r.status == ReportStatus.CLOSED) {
            sla = msg.noClock();
            state = "stopped";
        } else if (r.slaPaused()) {
            sla = msg.paused();
            state = "paused";
        } else if (due.isAfter(now)) {
            Duration left = hours.supportTimeBetween(now, due);
            sla = msg.timeLeft(left.toHours(), left.toMinutesPart());
            state = "running";
        } else {
            Duration late = hours.supportTimeBetween(due, now);
            sla = msg.overdue(late.toHours(), late.toMinutesPart());
            state = "overdue";
        }
        Outage outage = r.outageId == null ? null : outages.get(r.outageId);
        return new QueueView.Row(
                r.id.toString(),
                r.reference,
                "/helpdesk/reports/" + r.id,
                regionName(regions, r.region),
                systemName(regions, r.region, r.system),
                r.unitName,
                r.priority == null ? "–" : r.priority.name(),
                msg.status(r.status.name()),
                r.assignee == null ? "" : r.assignee,
                sla,
                state,
                format(due),
                due.toString(),
                outage == null ? null : outage.id.toString(),
                outage == null ? null : outage.reference,
                outage == null ? null : outage.title,
                outage == null && r.coveredTitle != null ? r.coveredTitle : null,
                r.receivedAt.toEpochMilli());
    }

    private QueueView.Flash flash(String doneCount, String action, String to, List<String> failed, String notice) {
        if (notice != null && !notice.isBlank()) {
            Notice n;
            try {
                n = Notice.valueOf(notice.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
            String text =
                    switch (n) {
                        case NONE_SELECTED -> msg.noneSelected();
                        case NO_OUTAGE -> msg.noOutage();
                        case NO_STATUS -> msg.noStatus();
                        case ASSIGNEE_TOO_LONG -> msg.assigneeTooLong();
                        case ASSIGNEE_PATIENT_DATA -> msg.assigneePatientData();
                        case SUGGESTION_CLOSED -> msg.suggestionClosed();
                        case SUGGESTION_INVALID -> msg.suggestionInvalid();
                        case SUGGESTION_DISMISSED -> msg.suggestionDismissed();
                    };
            return new QueueView.Flash(text, List.of(), n != Notice.SUGGESTION_DISMISSED);
        }
        Integer done = count(doneCount);
        if (done == null) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        for (String f : failed == null ? List.<String>of() : failed) {
            String[] parts = f.split(":", 2);
            if (parts.length != 2) {
                continue;
            }
            try {
                UUID id = UUID.fromString(parts[0]);
                Refusal why = Refusal.valueOf(parts[1]);
                reports.findByIdOptional(id)
                        .filter(r -> access.allows(r.region))
                        .ifPresent(r -> failures.add(explain(r, why, to)));
            } catch (IllegalArgumentException e) {
                // not a failure this page wrote: ignored
            }
        }
        return new QueueView.Flash(msg.done(action == null ? "" : action, done), failures, !failures.isEmpty());
    }

    /** The count a bulk action's redirect carries; anything else was not written by this page and is ignored. */
    private static Integer count(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String explain(FaultReport r, Refusal why, String to) {
        return switch (why) {
            case TRANSITION ->
                msg.refusedTransition(
                        r.reference,
                        msg.status(r.status.name()),
                        to == null ? "?" : msg.status(to),
                        r.status.next().stream()
                                .sorted()
                                .map(s -> msg.status(s.name()))
                                .collect(Collectors.joining(", ")));
            case NEEDS_PRIORITY -> msg.needsPriority(r.reference);
            case CLOSED -> msg.closed(r.reference);
            case OTHER_REGION -> msg.otherRegion(r.reference);
            case CHANGED -> msg.changedMeanwhile(r.reference);
            case GONE, FAILED -> msg.failed(r.reference);
        };
    }

    /** Why the domain refused a report, told from the report as it was before the attempt. */
    private static Refusal refusal(RuntimeException e, FaultReport before, String verb, String target) {
        if (e instanceof OptimisticLockException || e instanceof StaleVersionException) {
            return Refusal.CHANGED;
        }
        if (!(e instanceof ConflictException)) {
            return Refusal.FAILED;
        }
        if (before.status == ReportStatus.CLOSED) {
            return Refusal.CLOSED;
        }
        if (verb.equals("status")) {
            ReportStatus wanted = ReportStatus.valueOf(target);
            if (wanted == ReportStatus.TRIAGED && before.priority == null && before.status.canMoveTo(wanted)) {
                return Refusal.NEEDS_PRIORITY;
            }
            return Refusal.TRANSITION;
        }
        if (verb.equals("link")) {
            return Refusal.OTHER_REGION;
        }
        return Refusal.FAILED;
    }

    private static FaultReportService.Triage assign(String assignee) {
        return new FaultReportService.Triage(null, null, null, assignee, true, null, null, false, null, null);
    }

    private static FaultReportService.Triage moveTo(ReportStatus status) {
        return new FaultReportService.Triage(null, null, null, null, false, status, null, false, null, null);
    }

    private static Response notice(QueueFilters back, Notice notice) {
        return redirect(back, "notice=" + notice.name());
    }

    private static Response redirect(QueueFilters back, String flash) {
        String q = back.query();
        return Response.seeOther(URI.create("/helpdesk?" + (q.isEmpty() ? "" : q + "&") + flash))
                .build();
    }

    private static String regionName(Map<String, CatalogRegion> regions, String code) {
        CatalogRegion region = regions.get(code);
        return region == null ? code : region.name;
    }

    private static String systemName(Map<String, CatalogRegion> regions, String region, String code) {
        CatalogRegion r = regions.get(region);
        return r == null ? code : r.system(code).map(s -> s.name).orElse(code);
    }

    private static boolean matches(String tag, EntityTag etag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.equals("\"" + etag.getValue() + "\"") || t.equals("*");
    }

    private static String hash(String html) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String format(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(SWEDEN));
    }
}
