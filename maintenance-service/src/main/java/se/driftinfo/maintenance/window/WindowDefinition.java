package se.driftinfo.maintenance.window;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import se.driftinfo.contracts.maintenance.RecurrenceRule;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.maintenance.catalog.Region;

/**
 * What a planner says a window is: validated on construction, so an aggregate never holds a window
 * whose rule yields nothing, starts off-rule, or overlaps itself.
 */
public record WindowDefinition(
        String title,
        String description,
        String region,
        List<String> systems,
        ZoneId zone,
        LocalDateTime start,
        LocalDateTime end,
        RecurrenceRule recurrence) {

    /** Longer than this is almost surely a typo in a date; a real multi-week stop is several windows. */
    public static final Duration MAX_DURATION = Duration.ofDays(14);

    /** A rule's INTERVAL lies in 1..this: 0 or a negative one means nothing, a larger one is a typo. */
    public static final int MAX_INTERVAL = 1000;

    /** A rule's COUNT lies in 1..this: ten thousand occurrences are decades of daily stops. */
    public static final int MAX_COUNT = 10_000;

    private static final int OVERLAP_CHECKS = 60;

    public WindowDefinition {
        systems = List.copyOf(systems);
        checkInterval("end", start, end);
        if (recurrence != null) {
            List<LocalDateTime> first = recurrence.starts(start, start, start.plusYears(50), OVERLAP_CHECKS);
            if (first.isEmpty()) {
                throw new InvalidFieldException("recurrence", "the rule yields no occurrence from " + start);
            }
            if (!first.get(0).equals(start)) {
                throw new InvalidFieldException(
                        "start",
                        "is not an occurrence of the rule " + recurrence.rule() + " (the first one from there is "
                                + first.get(0) + ")");
            }
            Duration length = Duration.between(start, end);
            for (int i = 1; i < first.size(); i++) {
                if (first.get(i - 1).plus(length).isAfter(first.get(i))) {
                    throw new InvalidFieldException(
                            "recurrence",
                            "occurrences overlap: the one at " + first.get(i - 1)
                                    + " lasts until after the next starts at " + first.get(i));
                }
            }
        }
    }

    /**
     * A planner's request checked against its region's catalog ({@code region} null when the request
     * names no known region) and the planning horizon. For a request that passed Bean Validation, the
     * only exception is {@link InvalidFieldException}, naming the field.
     */
    public static WindowDefinition of(WindowRequest r, Region region, PlanningHorizon horizon) {
        if (region == null) {
            throw new InvalidFieldException("region", "unknown region '" + r.region() + "'");
        }
        for (int i = 0; i < r.systems().size(); i++) {
            String system = r.systems().get(i);
            if (region.system(system).isEmpty()) {
                throw new InvalidFieldException(
                        "systems[" + i + "]", "'" + system + "' is not a system of " + region.name);
            }
        }
        if (!ZoneId.getAvailableZoneIds().contains(r.timeZone())) {
            throw new InvalidFieldException(
                    "timeZone", "'" + r.timeZone() + "' is not an IANA time zone name such as Europe/Stockholm");
        }
        ZoneId zone = ZoneId.of(r.timeZone());
        horizon.check("start", r.start());
        return new WindowDefinition(
                r.title().strip(),
                r.description(),
                region.code,
                r.systems(),
                zone,
                r.start(),
                r.end(),
                recurrence(r.recurrence(), zone));
    }

    /**
     * The rule a planner wrote (null or blank for a one-off), refused naming {@code recurrence} when it
     * cannot be read, or when its INTERVAL or COUNT lies outside 1..{@link #MAX_INTERVAL} or
     * 1..{@link #MAX_COUNT}. (A rule that never ends, or ends in year 9999, is fine: every expansion is
     * bounded by the asked range and by a count.)
     */
    static RecurrenceRule recurrence(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        RecurrenceRule rule;
        try {
            rule = RecurrenceRule.parse(text, zone);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidFieldException("recurrence", e.getMessage());
        }
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        for (String part : rule.rule().split(";")) {
            String[] nameValue = part.split("=", 2);
            parts.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            switch (nameValue[0]) {
                case "INTERVAL" -> checkPart("INTERVAL", nameValue[1], MAX_INTERVAL);
                case "COUNT" -> checkPart("COUNT", nameValue[1], MAX_COUNT);
                default -> {}
            }
        }
        checkCombinations(parts);
        return rule;
    }

    /**
     * The combinations RFC 5545 (3.3.10) forbids. Their recurrence set is undefined, and iCal4j then
     * gives different occurrences for different ranges asked (the fuzzer found a MONTHLY rule with
     * BYWEEKNO whose first occurrence one expansion had and another did not): a calendar client would
     * show other dates than the pages.
     */
    private static void checkCombinations(java.util.Map<String, String> parts) {
        String freq = parts.getOrDefault("FREQ", "");
        if (parts.containsKey("BYWEEKNO") && !freq.equals("YEARLY")) {
            throw new InvalidFieldException("recurrence", "BYWEEKNO may only be used with FREQ=YEARLY");
        }
        if (parts.containsKey("BYYEARDAY") && !freq.equals("YEARLY")) {
            throw new InvalidFieldException("recurrence", "BYYEARDAY may only be used with FREQ=YEARLY");
        }
        if (parts.containsKey("BYMONTHDAY") && freq.equals("WEEKLY")) {
            throw new InvalidFieldException("recurrence", "BYMONTHDAY may not be used with FREQ=WEEKLY");
        }
        boolean numberedDay = parts.containsKey("BYDAY") && parts.get("BYDAY").matches(".*[0-9].*");
        if (numberedDay && !(freq.equals("MONTHLY") || (freq.equals("YEARLY") && !parts.containsKey("BYWEEKNO")))) {
            throw new InvalidFieldException(
                    "recurrence", "a numbered BYDAY (such as 3WE) needs FREQ=MONTHLY, or FREQ=YEARLY without BYWEEKNO");
        }
    }

    private static void checkPart(String name, String value, int max) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > max) {
            throw new InvalidFieldException("recurrence", name + " must be a whole number from 1 to " + max);
        }
    }

    /** end after start, and not absurdly long; {@code field} names the end field in the request. */
    static void checkInterval(String field, LocalDateTime start, LocalDateTime end) {
        if (!end.isAfter(start)) {
            throw new InvalidFieldException(field, "must be after start (" + start + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
            throw new InvalidFieldException(field, "a window may last at most " + MAX_DURATION.toDays() + " days");
        }
    }

    /**
     * The first {@code count} occurrences from its start, or from {@code today} for a series that began
     * earlier; at most {@code count}, and none further than the overlap check looks (50 years).
     */
    public List<Occurrence> next(LocalDate today, int count) {
        Duration length = Duration.between(start, end);
        LocalDateTime from = start.isAfter(today.atStartOfDay()) ? start : today.atStartOfDay();
        List<LocalDateTime> starts =
                recurrence == null ? List.of(start) : recurrence.starts(start, from, start.plusYears(50), count);
        return starts.stream()
                .map(s -> new Occurrence(s, s, s.plus(length), zone, OccurrenceStatus.SCHEDULED, null))
                .toList();
    }

    public boolean recurring() {
        return recurrence != null;
    }
}
