package se.driftinfo.maintenance.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.driftinfo.maintenance.window.Occurrence;
import se.driftinfo.maintenance.window.OccurrenceStatus;

/**
 * How the planner pages write dates and rules in Swedish: local times with the UTC offset of that date,
 * so a DST change is visible, and the presets' rules in words. Words come from {@link PlannerMessages}.
 */
final class PlannerText {

    /** RRULE weekday codes, Monday first (the order of {@link DayOfWeek}). */
    static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern MONTHLY = Pattern.compile("FREQ=MONTHLY;BYDAY=(-1|[1-5])(MO|TU|WE|TH|FR|SA|SU)");
    private static final Pattern WEEKLY =
            Pattern.compile("FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)");
    private static final Pattern UNTIL = Pattern.compile(";UNTIL=(\\d{8}T\\d{6}Z)");
    private static final Pattern COUNT = Pattern.compile(";COUNT=(\\d+)");
    private static final DateTimeFormatter UTC_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final PlannerMessages messages;

    PlannerText(PlannerMessages messages) {
        this.messages = messages;
    }

    /** "ons 21 okt 2026" */
    String date(LocalDate date) {
        return part(messages.weekdaysShort(), date.getDayOfWeek().getValue() - 1) + " " + date.getDayOfMonth() + " "
                + part(messages.monthsShort(), date.getMonthValue() - 1) + " " + date.getYear();
    }

    /** "ons 21 okt 2026 17:00–23:00 (UTC+02:00)"; the end's date too when it is another day. */
    String interval(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        String until = end.toLocalDate().equals(start.toLocalDate())
                ? TIME.format(end)
                : date(end.toLocalDate()) + " " + TIME.format(end);
        String offsets = offset(start.atZone(zone).getOffset());
        ZoneOffset endOffset = end.atZone(zone).getOffset();
        if (!endOffset.equals(start.atZone(zone).getOffset())) {
            offsets += "–" + offset(endOffset);
        }
        return date(start.toLocalDate()) + " " + TIME.format(start) + "–" + until + " (" + offsets + ")";
    }

    String interval(Occurrence o) {
        return interval(o.start(), o.end(), o.zone());
    }

    static String offset(ZoneOffset offset) {
        return "UTC" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    }

    String status(OccurrenceStatus status) {
        return switch (status) {
            case SCHEDULED -> messages.statusScheduled();
            case MOVED -> messages.statusMoved();
            case CANCELLED -> messages.statusCancelled();
        };
    }

    String weekday(String code) {
        return part(messages.weekdays(), DAY_CODES.indexOf(code));
    }

    /** The nth weekday as words: 1–5, or -1 for the last. */
    String ordinal(int nth) {
        return nth == -1 ? messages.last() : part(messages.ordinals(), nth - 1);
    }

    /** A stored rule in words; rules no preset makes are shown as they are. */
    String rule(String rule, ZoneId zone) {
        if (rule == null) {
            return messages.ruleOnce();
        }
        String core = rule;
        String until = null;
        Matcher u = UNTIL.matcher(core);
        if (u.find()) {
            until = date(LocalDateTime.parse(u.group(1), UTC_FORM)
                    .atZone(ZoneOffset.UTC)
                    .withZoneSameInstant(zone)
                    .toLocalDate());
            core = u.replaceFirst("");
        }
        String count = null;
        Matcher c = COUNT.matcher(core);
        if (c.find()) {
            count = c.group(1);
            core = c.replaceFirst("");
        }
        String words;
        Matcher m = MONTHLY.matcher(core);
        Matcher w = WEEKLY.matcher(core);
        if (core.equals("FREQ=DAILY")) {
            words = messages.ruleDaily();
        } else if (m.matches()) {
            words = capitalised(messages.ruleMonthly(ordinal(Integer.parseInt(m.group(1))), weekday(m.group(2))));
        } else if (w.matches()) {
            List<String> days = new ArrayList<>();
            for (String code : w.group(1).split(",")) {
                days.add(weekday(code));
            }
            words = messages.ruleWeekly(String.join(", ", days));
        } else {
            return messages.ruleRaw(rule);
        }
        if (until != null) {
            words = messages.ruleUntil(words, until);
        }
        if (count != null) {
            words = messages.ruleCount(words, count);
        }
        return words;
    }

    String supportHours(boolean alwaysOpen, Object opens, Object closes) {
        return alwaysOpen || opens == null || closes == null
                ? messages.supportAlwaysOpen()
                : messages.supportWeekdays(String.valueOf(opens), String.valueOf(closes));
    }

    private static String part(String list, int index) {
        return list.split(",")[index];
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.forLanguageTag("sv")) + s.substring(1);
    }
}
