package se.driftinfo.contracts.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import net.fortuna.ical4j.model.Recur;

/**
 * An RFC 5545 recurrence rule of a window, expanded in local wall-clock time. Expanding
 * {@link LocalDateTime}s (not zoned ones) keeps "17:00" at 17:00 across DST changes and makes the
 * result independent of the JVM's default zone (iCal4j #746); times become instants only at the end,
 * in the window's own zone.
 * <p>
 * {@code UNTIL} is held apart from iCal4j: RFC 5545 wants it in UTC when DTSTART has a TZID, so it is
 * stored and published in UTC and compared here as the local time it is in the window's zone.
 */
public final class RecurrenceRule {

    private static final DateTimeFormatter UTC_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE_FORM = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final List<String> FREQUENCIES = List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");

    /**
     * Where iCal4j expands, one single-thread pool per calling thread. iCal4j 4.4 checks BYDAY with a
     * parallel stream per candidate day (ByDayRule's expansion filters); run from an ordinary thread,
     * each such stream hands its tasks to the common pool and waits for another thread, which cost
     * several times the check itself (bench/expansion.sh, docs/benchmarks.md). Run on a pool's only
     * worker, the stream's tasks stay on that thread; an expansion costs two hand-offs, not thousands.
     * The worker ends after a minute without work.
     */
    private static final ThreadLocal<ForkJoinPool> OWN_POOL = ThreadLocal.withInitial(() -> new ForkJoinPool(1));

    private final String rule;
    private final Recur<LocalDateTime> recur;
    private final LocalDateTime untilLocal;

    private RecurrenceRule(String rule, Recur<LocalDateTime> recur, LocalDateTime untilLocal) {
        this.rule = rule;
        this.recur = recur;
        this.untilLocal = untilLocal;
    }

    /**
     * Parses a rule such as {@code FREQ=MONTHLY;BYDAY=3WE} (an {@code RRULE:} prefix is allowed).
     *
     * @throws IllegalArgumentException with a message fit for the planner
     */
    public static RecurrenceRule parse(String value, ZoneId zone) {
        String text = value.trim();
        if (text.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            text = text.substring(6);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        List<String> kept = new ArrayList<>();
        LocalDateTime until = null;
        String untilPart = null;
        String freq = null;
        boolean count = false;
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("'" + part + "' is not NAME=VALUE");
            }
            String name = kv[0].trim().toUpperCase(Locale.ROOT);
            String val = kv[1].trim().toUpperCase(Locale.ROOT);
            switch (name) {
                case "UNTIL" -> {
                    until = parseUntil(val, zone);
                    untilPart = "UNTIL="
                            + until.atZone(zone)
                                    .withZoneSameInstant(ZoneOffset.UTC)
                                    .format(UTC_FORM);
                }
                case "FREQ" -> {
                    if (!FREQUENCIES.contains(val)) {
                        throw new IllegalArgumentException("FREQ must be one of " + FREQUENCIES
                                + " (maintenance windows do not recur more often than daily)");
                    }
                    freq = val;
                    kept.add(name + "=" + val);
                }
                case "COUNT" -> {
                    count = true;
                    kept.add(name + "=" + val);
                }
                case "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "WKST" ->
                    kept.add(name + "=" + val);
                default ->
                    throw new IllegalArgumentException(
                            "'" + name + "' is not supported in a maintenance window's rule");
            }
        }
        if (freq == null) {
            throw new IllegalArgumentException("FREQ is required");
        }
        if (count && until != null) {
            throw new IllegalArgumentException("COUNT and UNTIL cannot both be given (RFC 5545)");
        }
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(String.join(";", kept));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a valid RFC 5545 rule: " + e.getMessage());
        }
        String normalised = String.join(";", kept) + (untilPart == null ? "" : ";" + untilPart);
        return new RecurrenceRule(normalised, recur, until);
    }

    private static LocalDateTime parseUntil(String value, ZoneId zone) {
        try {
            if (value.endsWith("Z")) {
                Instant instant = LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL_FORM)
                        .toInstant(ZoneOffset.UTC);
                return LocalDateTime.ofInstant(instant, zone);
            }
            if (value.contains("T")) {
                return LocalDateTime.parse(value, LOCAL_FORM);
            }
            // A date: the whole day counts.
            return LocalDate.parse(value, DATE_FORM).atTime(LocalTime.MAX);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "UNTIL '" + value + "' is not a date (20271231) or UTC date-time (20271231T220000Z)");
        }
    }

    /** The rule as stored and published, UNTIL in UTC. */
    public String rule() {
        return rule;
    }

    /**
     * Local starts of the series whose start lies in [{@code from}, {@code to}), at most {@code max}.
     *
     * @param seed the series' first start (DTSTART)
     */
    public List<LocalDateTime> starts(LocalDateTime seed, LocalDateTime from, LocalDateTime to, int max) {
        LocalDateTime end = untilLocal != null && untilLocal.isBefore(to) ? untilLocal.plusNanos(1) : to;
        if (!from.isBefore(end)) {
            return List.of();
        }
        List<LocalDateTime> dates = OWN_POOL.get()
                .submit(() -> recur.getDates(seed, from, end, max))
                .join();
        List<LocalDateTime> result = new ArrayList<>(dates.size());
        for (LocalDateTime d : dates) {
            if (!d.isBefore(from) && d.isBefore(end) && !d.isBefore(seed)) {
                result.add(d);
            }
        }
        result.sort(null);
        return result.size() > max ? result.subList(0, max) : result;
    }

    /** The same rule ending with the occurrence that starts at {@code lastStart} (COUNT dropped). */
    public RecurrenceRule endingAt(LocalDateTime lastStart, ZoneId zone) {
        String kept = String.join(
                ";",
                java.util.Arrays.stream(rule.split(";"))
                        .filter(p -> !p.startsWith("UNTIL=") && !p.startsWith("COUNT="))
                        .toList());
        String until =
                lastStart.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).format(UTC_FORM);
        return parse(kept + ";UNTIL=" + until, zone);
    }

    @Override
    public String toString() {
        return rule;
    }
}
