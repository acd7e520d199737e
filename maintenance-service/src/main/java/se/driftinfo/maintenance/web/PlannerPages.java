package se.driftinfo.maintenance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import se.driftinfo.kit.access.RegionAccess;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.validation.NoIdentityNumber;
import se.driftinfo.maintenance.catalog.CatalogRepository;
import se.driftinfo.maintenance.catalog.Region;
import se.driftinfo.maintenance.window.MaintenanceWindow;
import se.driftinfo.maintenance.window.Occurrence;
import se.driftinfo.maintenance.window.OccurrenceStatus;
import se.driftinfo.maintenance.window.PlainText;
import se.driftinfo.maintenance.window.WindowRequest;
import se.driftinfo.maintenance.window.WindowService;
import se.driftinfo.maintenance.window.WindowStatus;

/**
 * The planner's pages: a region's windows, and one window's page where it is created or edited (with a
 * preview of its next occurrences before saving), and where one occurrence is cancelled or moved or the
 * whole series cancelled. Every change goes through {@link WindowService}, as the REST API's do; the
 * pages only translate forms and show the domain's answers on the fields they concern.
 */
@Path("/planner")
@RolesAllowed("planner")
@Produces(MediaType.TEXT_HTML)
public class PlannerPages {

    static final int PREVIEWED = 12;
    /** How many of a draft's occurrences are compared with the support hours. */
    static final int DAYTIME_CHECKED = 100;

    private static final int LISTED = 3;

    private final WindowService service;
    private final CatalogRepository catalog;
    private final RegionAccess access;
    private final Validator validator;
    private final PlannerMessages messages;
    private final PlannerText text;
    /** The error of a field holding an identity number, which is then emptied rather than shown back. */
    private final FieldError patientData;

    public PlannerPages(
            WindowService service,
            CatalogRepository catalog,
            RegionAccess access,
            Validator validator,
            PlannerMessages messages) {
        this.service = service;
        this.catalog = catalog;
        this.access = access;
        this.validator = validator;
        this.messages = messages;
        this.text = new PlannerText(messages);
        this.patientData = new FieldError(messages.errPatientData(), null);
    }

    /** A choice in a select, radio group or checkbox group. */
    public record Choice(String value, String label, boolean checked) {}

    /** Why a field is wrong, in Swedish; {@code detail} is the domain's own (English) reason, if any. */
    public record FieldError(String message, String detail) {}

    public record ListView(
            List<Choice> regions, String regionCode, String regionName, String supportHours, List<WindowRow> windows) {}

    public record WindowRow(
            String id,
            String title,
            String systems,
            String rule,
            List<String> next,
            String status,
            boolean cancelled) {}

    public record EditorView(
            String formAction,
            String regionCode,
            String regionName,
            String supportHours,
            WindowInfo window,
            FormValues form,
            Map<String, FieldError> errors,
            boolean hasErrors,
            List<PreviewRow> preview,
            boolean daytime,
            String done,
            ActionValues actions) {}

    public record FormValues(
            String title,
            String description,
            String timeZone,
            List<Choice> systems,
            String preset,
            List<Choice> nths,
            List<Choice> weekdayOptions,
            List<Choice> weekdays,
            String rrule,
            String startDate,
            String startTime,
            String endDate,
            String endTime,
            String effectiveFrom,
            boolean confirmDaytime) {}

    public record PreviewRow(String when, boolean daytime) {}

    public record WindowInfo(
            String id,
            String title,
            String systems,
            String rule,
            String status,
            boolean cancelled,
            String supersedes,
            List<OccurrenceRow> occurrences,
            List<Choice> changeable) {}

    public record OccurrenceRow(String when, String status, String reason, boolean cancelled) {}

    /** What was typed into the occurrence and series forms, shown again when one was refused. */
    public record ActionValues(
            String cancelDate,
            String cancelReason,
            String moveDate,
            String moveStartDate,
            String moveStartTime,
            String moveEndDate,
            String moveEndTime,
            String moveReason,
            String seriesReason) {
        static ActionValues empty() {
            return new ActionValues("", "", "", "", "", "", "", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListView view);

        static native TemplateInstance editor(EditorView view);
    }

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("region") String code) {
        List<Region> regions =
                catalog.allRegions().stream().filter(r -> access.allows(r.code)).toList();
        Region region = WindowForm.isBlank(code)
                ? regions.stream().findFirst().orElseThrow(() -> new NotFoundException("A region you may plan in"))
                : region(code);
        List<WindowRow> rows = service.list(region.code, null).stream()
                .map(w -> new WindowRow(
                        w.id().toString(),
                        w.title(),
                        systemNames(region, w.systems()),
                        text.rule(w.recurrence(), w.zone()),
                        w.status() == WindowStatus.CANCELLED
                                ? List.of()
                                : service.upcoming(w, LISTED).stream()
                                        .map(o -> text.interval(o)
                                                + (o.status() == OccurrenceStatus.SCHEDULED
                                                        ? ""
                                                        : " – " + text.status(o.status())))
                                        .toList(),
                        w.status() == WindowStatus.CANCELLED ? messages.windowCancelled() : messages.statusScheduled(),
                        w.status() == WindowStatus.CANCELLED))
                .toList();
        return Templates.list(new ListView(
                regions.stream()
                        .map(r -> new Choice(r.code, r.name, r.code.equals(region.code)))
                        .toList(),
                region.code,
                region.name,
                supportHours(region),
                rows));
    }

    @GET
    @Path("/windows/new")
    @Transactional
    public TemplateInstance newWindow(@QueryParam("region") String code) {
        Region region = WindowForm.isBlank(code)
                ? catalog.allRegions().stream()
                        .filter(r -> access.allows(r.code))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("A region you may plan in"))
                : region(code);
        return editor(region, null, WindowForm.blank(region.code, region.timeZone), Map.of(), null, false, null, null);
    }

    @POST
    @Path("/windows/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam WindowForm form) {
        return submit(null, form);
    }

    @GET
    @Path("/windows/{id}")
    @Transactional
    public TemplateInstance window(
            @PathParam("id") String id, @QueryParam("done") String done, @QueryParam("date") String date) {
        MaintenanceWindow window = accessible(id);
        return editor(
                region(window.region()),
                window,
                WindowForm.of(window),
                Map.of(),
                null,
                false,
                doneMessage(done, date),
                null);
    }

    @POST
    @Path("/windows/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, @BeanParam WindowForm form) {
        return submit(accessible(id), form);
    }

    @POST
    @Path("/windows/{id}/cancel-occurrence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelOccurrence(
            @PathParam("id") String id, @RestForm("date") String date, @RestForm("reason") String reason) {
        MaintenanceWindow window = accessible(id);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        LocalDate day = parseDate(date);
        if (day == null) {
            errors.put("cancelDate", new FieldError(messages.errOccurrence(), null));
        }
        checkReason(reason, "cancelReason", errors);
        if (errors.isEmpty()) {
            try {
                service.cancelOccurrence(window.id(), day, blankToNull(reason));
                return done(window.id(), "occurrence-cancelled", day);
            } catch (InvalidFieldException | NotFoundException e) {
                errors.put("cancelDate", new FieldError(messages.errOccurrence(), e.getMessage()));
            } catch (ConflictException e) {
                errors.put("cancelForm", new FieldError(messages.errConflict(), e.getMessage()));
            }
        }
        String shown = patientData.equals(errors.get("cancelReason")) ? "" : reason;
        return refused(window, errors, new ActionValues(date, shown, "", "", "", "", "", "", ""));
    }

    @POST
    @Path("/windows/{id}/move-occurrence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveOccurrence(
            @PathParam("id") String id,
            @RestForm("date") String date,
            @RestForm("startDate") String startDate,
            @RestForm("startTime") String startTime,
            @RestForm("endDate") String endDate,
            @RestForm("endTime") String endTime,
            @RestForm("reason") String reason) {
        MaintenanceWindow window = accessible(id);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        LocalDate day = parseDate(date);
        LocalDateTime start = WindowForm.dateTime(startDate, startTime);
        LocalDateTime end = WindowForm.dateTime(WindowForm.isBlank(endDate) ? startDate : endDate, endTime);
        if (day == null) {
            errors.put("moveDate", new FieldError(messages.errOccurrence(), null));
        }
        if (start == null) {
            errors.put("moveStart", new FieldError(messages.errNewStart(), null));
        }
        if (end == null) {
            errors.put("moveEnd", new FieldError(messages.errNewEnd(), null));
        }
        checkReason(reason, "moveReason", errors);
        if (errors.isEmpty()) {
            try {
                service.moveOccurrence(window.id(), day, start, end, blankToNull(reason));
                return done(window.id(), "occurrence-moved", day);
            } catch (InvalidFieldException e) {
                e.errors().forEach(error -> {
                    switch (error.field()) {
                        case "date" ->
                            errors.putIfAbsent("moveDate", new FieldError(messages.errOccurrence(), error.reason()));
                        case "start" ->
                            errors.putIfAbsent("moveStart", new FieldError(messages.errNewStart(), error.reason()));
                        default -> errors.putIfAbsent("moveEnd", new FieldError(messages.errNewEnd(), error.reason()));
                    }
                });
            } catch (NotFoundException e) {
                errors.put("moveDate", new FieldError(messages.errOccurrence(), e.getMessage()));
            } catch (ConflictException e) {
                errors.put("moveForm", new FieldError(messages.errConflict(), e.getMessage()));
            }
        }
        String shown = patientData.equals(errors.get("moveReason")) ? "" : reason;
        return refused(
                window, errors, new ActionValues("", "", date, startDate, startTime, endDate, endTime, shown, ""));
    }

    @POST
    @Path("/windows/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelSeries(@PathParam("id") String id, @RestForm("reason") String reason) {
        MaintenanceWindow window = accessible(id);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        checkReason(reason, "seriesReason", errors);
        if (errors.isEmpty()) {
            try {
                service.cancel(window.id(), blankToNull(reason));
                return done(window.id(), "cancelled", null);
            } catch (ConflictException e) {
                errors.put("seriesForm", new FieldError(messages.errConflict(), e.getMessage()));
            }
        }
        String shown = patientData.equals(errors.get("seriesReason")) ? "" : reason;
        return refused(window, errors, new ActionValues("", "", "", "", "", "", "", "", shown));
    }

    /**
     * A reason as the service will check it ({@link WindowService}'s constraints), checked first so that
     * it is shown on its field; a reason holding an identity number is not shown back either.
     */
    private void checkReason(String reason, String field, Map<String, FieldError> errors) {
        for (ConstraintViolation<ReasonField> v : validator.validate(new ReasonField(reason))) {
            FieldError error = violation(v, messages.errReason());
            if (error.equals(patientData) || !errors.containsKey(field)) {
                errors.put(field, error);
            }
        }
    }

    /** The reason of a cancel or move form, with the constraints {@link WindowService} puts on it. */
    record ReasonField(
            @Size(max = 1000) @NoIdentityNumber @PlainText String reason) {}

    /**
     * What the page says about a refused field: patient data and control characters have their own
     * words, whatever the field; otherwise the field's own hint.
     */
    private FieldError violation(ConstraintViolation<?> v, String fieldHint) {
        Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof NoIdentityNumber) {
            return patientData;
        }
        if (constraint instanceof PlainText) {
            return new FieldError(messages.errControlCharacters(), null);
        }
        return new FieldError(fieldHint, null);
    }

    /**
     * Previews or saves a new window ({@code existing} null) or a change. Nothing is saved while a field
     * is wrong, nor a daytime stop the planner has not confirmed.
     */
    private Response submit(MaintenanceWindow existing, WindowForm form) {
        if (existing != null) {
            form.region = existing.region();
        }
        access.require(form.region);
        Region region = region(form.region);
        WindowForm.Translation translation = form.translate();
        WindowRequest request = translation.request();
        Map<String, FieldError> errors = new LinkedHashMap<>();
        translation.problems().keySet().forEach(field -> errors.put(field, new FieldError(message(field), null)));
        for (ConstraintViolation<WindowRequest> v : validator.validate(request)) {
            String field = formField(field(v), form);
            FieldError error = violation(v, message(field));
            if (error.equals(patientData)) {
                // The number goes nowhere: not saved, and not shown back in the form either.
                errors.put(field, error);
                form.clear(field);
            } else {
                errors.putIfAbsent(field, error);
            }
        }
        List<Occurrence> preview = null;
        boolean daytime = false;
        if (errors.isEmpty()) {
            try {
                preview = service.preview(request, PREVIEWED);
                daytime = !service.duringSupportHours(request, DAYTIME_CHECKED).isEmpty();
                if (form.saving() && daytime && !form.daytimeConfirmed()) {
                    errors.put("confirmDaytime", new FieldError(messages.errConfirmDaytime(), null));
                } else if (form.saving()) {
                    return saved(existing, request);
                }
            } catch (InvalidFieldException e) {
                e.errors().forEach(error -> {
                    String field = formField(error.field(), form);
                    errors.putIfAbsent(field, new FieldError(message(field), error.reason()));
                });
            }
        }
        TemplateInstance page = editor(region, existing, form, errors, preview, daytime, null, null);
        return Response.status(errors.isEmpty() ? 200 : 400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }

    private Response saved(MaintenanceWindow existing, WindowRequest request) {
        if (existing == null) {
            return done(service.schedule(request).id(), "created", null);
        }
        MaintenanceWindow current = service.update(existing.id(), request, request.effectiveFrom());
        return current.id().equals(existing.id())
                ? done(current.id(), "updated", null)
                : done(current.id(), "split", request.effectiveFrom());
    }

    /** 303 to the window's page, which says what was done. */
    private static Response done(UUID id, String what, LocalDate date) {
        UriBuilder to = UriBuilder.fromPath("/planner/windows/{id}").queryParam("done", what);
        if (date != null) {
            to.queryParam("date", date);
        }
        return Response.seeOther(to.build(id)).build();
    }

    private Response refused(MaintenanceWindow window, Map<String, FieldError> errors, ActionValues typed) {
        MaintenanceWindow now = service.get(window.id());
        boolean conflict =
                errors.containsKey("cancelForm") || errors.containsKey("moveForm") || errors.containsKey("seriesForm");
        TemplateInstance page = editor(region(now.region()), now, WindowForm.of(now), errors, null, false, null, typed);
        return Response.status(conflict ? 409 : 400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }

    private TemplateInstance editor(
            Region region,
            MaintenanceWindow window,
            WindowForm form,
            Map<String, FieldError> errors,
            List<Occurrence> preview,
            boolean daytime,
            String done,
            ActionValues actions) {
        List<PreviewRow> rows = preview == null
                ? null
                : preview.stream()
                        .map(o -> new PreviewRow(
                                text.interval(o),
                                region.duringSupportHours(
                                        o.startsAt().toInstant(), o.endsAt().toInstant())))
                        .toList();
        return Templates.editor(new EditorView(
                window == null ? "/planner/windows/new" : "/planner/windows/" + window.id(),
                region.code,
                region.name,
                supportHours(region),
                window == null ? null : info(region, window),
                values(region, form),
                errors,
                !errors.isEmpty(),
                rows,
                daytime,
                done,
                actions == null ? ActionValues.empty() : actions));
    }

    private WindowInfo info(Region region, MaintenanceWindow w) {
        boolean cancelled = w.status() == WindowStatus.CANCELLED;
        List<Occurrence> next = service.upcoming(w, PREVIEWED);
        return new WindowInfo(
                w.id().toString(),
                w.title(),
                systemNames(region, w.systems()),
                text.rule(w.recurrence(), w.zone()),
                cancelled ? messages.windowCancelled() : messages.statusScheduled(),
                cancelled,
                w.supersedes() == null ? null : w.supersedes().toString(),
                next.stream()
                        .map(o -> new OccurrenceRow(
                                text.interval(o),
                                text.status(o.status()),
                                o.reason() == null ? "" : o.reason(),
                                o.status() == OccurrenceStatus.CANCELLED))
                        .toList(),
                next.stream()
                        .filter(o -> o.status() != OccurrenceStatus.CANCELLED)
                        .map(o -> new Choice(
                                o.originalStart().toLocalDate().toString(),
                                text.interval(
                                                o.originalStart(),
                                                o.originalStart().plus(Duration.between(w.start(), w.end())),
                                                o.zone())
                                        + (o.status() == OccurrenceStatus.MOVED ? " – " + messages.statusMoved() : ""),
                                false))
                        .toList());
    }

    private FormValues values(Region region, WindowForm f) {
        List<String> chosen = f.systems == null ? List.of() : f.systems;
        List<Choice> nths = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            nths.add(new Choice(
                    String.valueOf(n), text.ordinal(n), String.valueOf(n).equals(f.nth)));
        }
        nths.add(new Choice("-1", text.ordinal(-1), "-1".equals(f.nth)));
        List<String> days = f.weekdays == null ? List.of() : f.weekdays;
        return new FormValues(
                nullToEmpty(f.title),
                nullToEmpty(f.description),
                WindowForm.isBlank(f.timeZone) ? region.timeZone : f.timeZone,
                region.systems.stream()
                        .map(s -> new Choice(s.code, s.name, chosen.contains(s.code)))
                        .toList(),
                f.presetOrDefault(),
                nths,
                PlannerText.DAY_CODES.stream()
                        .map(d -> new Choice(d, text.weekday(d), d.equals(f.weekday)))
                        .toList(),
                PlannerText.DAY_CODES.stream()
                        .map(d -> new Choice(d, text.weekday(d), days.contains(d)))
                        .toList(),
                nullToEmpty(f.rrule),
                nullToEmpty(f.startDate),
                nullToEmpty(f.startTime),
                nullToEmpty(f.endDate),
                nullToEmpty(f.endTime),
                nullToEmpty(f.effectiveFrom),
                f.daytimeConfirmed());
    }

    /** The form field a request field (as Bean Validation or the domain names it) is shown on. */
    static String formField(String requestField, WindowForm form) {
        if (requestField.startsWith("systems")) {
            return "systems";
        }
        return switch (requestField) {
            case "title", "description", "region", "timeZone", "start", "end", "effectiveFrom" -> requestField;
            case "recurrence" -> WindowForm.RAW.equals(form.presetOrDefault()) ? "rrule" : "rule";
            default -> "rule";
        };
    }

    private String message(String formField) {
        return switch (formField) {
            case "title" -> messages.errTitle();
            case "description" -> messages.errDescription();
            case "region" -> messages.errRegion();
            case "systems" -> messages.errSystems();
            case "timeZone" -> messages.errTimeZone();
            case "start" -> messages.errStart();
            case "end" -> messages.errEnd();
            case "rrule" -> messages.errRrule();
            case "weekdays" -> messages.errWeekdays();
            case "effectiveFrom" -> messages.errEffectiveFrom();
            case "confirmDaytime" -> messages.errConfirmDaytime();
            default -> messages.errRule();
        };
    }

    /** The request field a violation names: {@code systems} for {@code systems[0].<list element>}. */
    private static String field(ConstraintViolation<?> v) {
        String field = "";
        for (Node node : v.getPropertyPath()) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field = node.getName();
            }
        }
        return field;
    }

    private String doneMessage(String done, String date) {
        if (done == null) {
            return null;
        }
        LocalDate day = parseDate(date);
        String when = day == null ? "" : text.date(day);
        return switch (done) {
            case "created" -> messages.doneCreated();
            case "updated" -> messages.doneUpdated();
            case "split" -> messages.doneSplit(when);
            case "occurrence-cancelled" -> messages.doneOccurrenceCancelled(when);
            case "occurrence-moved" -> messages.doneOccurrenceMoved(when);
            case "cancelled" -> messages.doneCancelled();
            default -> null;
        };
    }

    /** The window, if this account may plan in its region (403 otherwise). */
    private MaintenanceWindow accessible(String id) {
        MaintenanceWindow window;
        try {
            window = service.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Maintenance window " + id);
        }
        access.require(window.region());
        return window;
    }

    private Region region(String code) {
        access.require(code);
        return catalog.region(code).orElseThrow(() -> new NotFoundException("Region " + code));
    }

    private String supportHours(Region r) {
        return text.supportHours(r.supportAlwaysOpen, r.supportOpens, r.supportCloses);
    }

    private static String systemNames(Region region, List<String> codes) {
        return String.join(
                ", ",
                codes.stream()
                        .map(c -> region.system(c).map(s -> s.name).orElse(c))
                        .toList());
    }

    private static LocalDate parseDate(String value) {
        if (WindowForm.isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return WindowForm.isBlank(s) ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
