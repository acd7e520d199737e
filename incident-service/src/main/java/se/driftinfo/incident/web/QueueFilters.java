package se.driftinfo.incident.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.report.ReportStatus;
import se.driftinfo.incident.report.Responsibility;
import se.driftinfo.incident.triage.Priority;
import se.driftinfo.kit.domain.InvalidFieldException;

/**
 * The queue's filters as the GET form sends them ({@code region}, {@code system}, {@code status},
 * {@code priority}, {@code responsibility}, {@code mine}, {@code page}); a bad value is a 400 naming the
 * parameter. They go back into links (paging, the live part) and into the bulk form, so a redirect after a
 * post returns to the same view.
 */
record QueueFilters(
        String region,
        String system,
        ReportStatus status,
        Priority priority,
        Responsibility responsibility,
        boolean mine,
        int page) {

    static QueueFilters read(
            String region,
            String system,
            String status,
            String priority,
            String responsibility,
            String mine,
            String page) {
        return new QueueFilters(
                blankToNull(region),
                blankToNull(system),
                Params.enumOrNull("status", status, ReportStatus.class),
                Params.enumOrNull("priority", priority, Priority.class),
                Params.enumOrNull("responsibility", responsibility, Responsibility.class),
                mine != null && !mine.isBlank() && !mine.equals("0") && !mine.equalsIgnoreCase("false"),
                page(page));
    }

    /** Reads filters carried as a query string (the bulk form's hidden field); unknown names are ignored. */
    static QueueFilters parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return read(
                values.get("region"),
                values.get("system"),
                values.get("status"),
                values.get("priority"),
                values.get("responsibility"),
                values.get("mine"),
                values.get("page"));
    }

    QueueFilters withPage(int newPage) {
        return new QueueFilters(region, system, status, priority, responsibility, mine, newPage);
    }

    QueueFilters withStatus(ReportStatus newStatus) {
        return new QueueFilters(region, system, newStatus, priority, responsibility, mine, 1);
    }

    /** The filters as a query string, without a leading '?'; page 1 is left out. */
    String query() {
        StringBuilder q = new StringBuilder();
        add(q, "region", region);
        add(q, "system", system);
        add(q, "status", status == null ? null : status.name());
        add(q, "priority", priority == null ? null : priority.name());
        add(q, "responsibility", responsibility == null ? null : responsibility.name());
        add(q, "mine", mine ? "1" : null);
        add(q, "page", page > 1 ? String.valueOf(page) : null);
        return q.toString();
    }

    String href(String path) {
        String q = query();
        return q.isEmpty() ? path : path + "?" + q;
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null) {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The last page anyone could ask for: its offset still fits an int (50 million reports). */
    static final int MAX_PAGE = 1_000_000;

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidFieldException("page", "must be a page number from 1 to " + MAX_PAGE);
    }
}
