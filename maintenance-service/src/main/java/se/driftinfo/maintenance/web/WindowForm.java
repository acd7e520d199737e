package se.driftinfo.maintenance.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import se.driftinfo.maintenance.window.MaintenanceWindow;
import se.driftinfo.maintenance.window.WindowRequest;

/**
 * The window form as the browser posts it: the rule builder's preset and its parts, dates and times
 * apart. It only translates to a {@link WindowRequest}; every rule of a window is checked by the domain.
 */
public class WindowForm {

    /** The rule builder's choices. */
    static final String ONCE = "once";

    static final String MONTHLY = "monthly";
    static final String WEEKLY = "weekly";
    static final String DAILY = "daily";
    static final String RAW = "raw";

    private static final Pattern MONTHLY_RULE = Pattern.compile("FREQ=MONTHLY;BYDAY=(-1|[1-5])(MO|TU|WE|TH|FR|SA|SU)");
    private static final Pattern WEEKLY_RULE =
            Pattern.compile("FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)");

    @RestForm
    public String action;

    @RestForm
    public String region;

    @RestForm
    public String title;

    @RestForm
    public String description;

    @RestForm
    public List<String> systems = new ArrayList<>();

    @RestForm
    public String timeZone;

    @RestForm
    public String preset;

    @RestForm
    public String nth;

    @RestForm
    public String weekday;

    @RestForm
    public List<String> weekdays = new ArrayList<>();

    @RestForm
    public String rrule;

    @RestForm
    public String startDate;

    @RestForm
    public String startTime;

    @RestForm
    public String endDate;

    @RestForm
    public String endTime;

    @RestForm
    public String effectiveFrom;

    @RestForm
    public String confirmDaytime;

    /** An empty form for a new window in {@code region}: FU-stopp's shape is the most common one. */
    static WindowForm blank(String region, String zone) {
        WindowForm f = new WindowForm();
        f.region = region;
        f.timeZone = zone;
        f.title = "";
        f.description = "";
        f.preset = MONTHLY;
        f.nth = "3";
        f.weekday = "WE";
        f.rrule = "";
        f.startDate = "";
        f.startTime = "17:00";
        f.endDate = "";
        f.endTime = "23:00";
        f.effectiveFrom = "";
        return f;
    }

    /** The form filled with a saved window, its rule put back into the preset that makes it. */
    static WindowForm of(MaintenanceWindow w) {
        WindowForm f = blank(w.region(), w.zone().getId());
        f.title = w.title();
        f.description = w.description() == null ? "" : w.description();
        f.systems = new ArrayList<>(w.systems());
        f.startDate = w.start().toLocalDate().toString();
        f.startTime = w.start().toLocalTime().toString();
        f.endDate = w.end().toLocalDate().toString();
        f.endTime = w.end().toLocalTime().toString();
        String rule = w.recurrence();
        Matcher monthly = rule == null ? null : MONTHLY_RULE.matcher(rule);
        Matcher weekly = rule == null ? null : WEEKLY_RULE.matcher(rule);
        if (rule == null) {
            f.preset = ONCE;
        } else if (rule.equals("FREQ=DAILY")) {
            f.preset = DAILY;
        } else if (monthly.matches()) {
            f.preset = MONTHLY;
            f.nth = monthly.group(1);
            f.weekday = monthly.group(2);
        } else if (weekly.matches()) {
            f.preset = WEEKLY;
            f.weekdays = new ArrayList<>(List.of(weekly.group(1).split(",")));
        } else {
            f.preset = RAW;
            f.rrule = rule;
        }
        return f;
    }

    /** Empties a text field whose content must not be shown back (an identity number). */
    void clear(String field) {
        switch (field) {
            case "title" -> title = "";
            case "description" -> description = "";
            default -> {}
        }
    }

    boolean saving() {
        return "save".equals(action);
    }

    boolean daytimeConfirmed() {
        return confirmDaytime != null && !confirmDaytime.isBlank();
    }

    String presetOrDefault() {
        return preset == null ? ONCE : preset;
    }

    /**
     * The request this form asks for, or the form's own problems (a preset without its parts, a date
     * that does not parse) by form field; the domain checks the rest.
     */
    Translation translate() {
        Map<String, String> problems = new LinkedHashMap<>();
        String recurrence = null;
        switch (presetOrDefault()) {
            case ONCE -> recurrence = null;
            case DAILY -> recurrence = "FREQ=DAILY";
            case MONTHLY -> {
                if (nth == null || !nth.matches("-1|[1-5]") || !PlannerText.DAY_CODES.contains(weekday)) {
                    problems.put("rule", "rule");
                } else {
                    recurrence = "FREQ=MONTHLY;BYDAY=" + nth + weekday;
                }
            }
            case WEEKLY -> {
                List<String> days = PlannerText.DAY_CODES.stream()
                        .filter(weekdays::contains)
                        .toList();
                if (days.isEmpty()) {
                    problems.put("weekdays", "weekdays");
                } else {
                    recurrence = "FREQ=WEEKLY;BYDAY=" + String.join(",", days);
                }
            }
            case RAW -> {
                if (rrule == null || rrule.isBlank()) {
                    problems.put("rrule", "rrule");
                } else {
                    recurrence = rrule.strip();
                }
            }
            default -> problems.put("rule", "rule");
        }
        LocalDateTime start = dateTime(startDate, startTime);
        LocalDateTime end = dateTime(isBlank(endDate) ? startDate : endDate, endTime);
        LocalDate from = null;
        if (!isBlank(effectiveFrom)) {
            try {
                from = LocalDate.parse(effectiveFrom.strip());
            } catch (DateTimeParseException e) {
                problems.put("effectiveFrom", "effectiveFrom");
            }
        }
        WindowRequest request = new WindowRequest(
                title == null ? null : title.strip(),
                isBlank(description) ? null : description,
                region,
                systems == null ? List.of() : List.copyOf(systems),
                timeZone,
                start,
                end,
                recurrence,
                from);
        return new Translation(request, problems);
    }

    /** The request, and the fields the form itself could not read (empty when all could). */
    record Translation(WindowRequest request, Map<String, String> problems) {}

    static LocalDateTime dateTime(String date, String time) {
        if (isBlank(date) || isBlank(time)) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).atTime(LocalTime.parse(time.strip()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
