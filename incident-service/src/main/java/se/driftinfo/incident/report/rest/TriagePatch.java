package se.driftinfo.incident.report.rest;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import se.driftinfo.incident.Params;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.report.ReportStatus;
import se.driftinfo.incident.report.Responsibility;
import se.driftinfo.incident.triage.Level;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.InvalidFieldException.FieldError;

/**
 * Reads a PATCH of a fault report as a JSON merge patch (RFC 7396, applied by JSON-P): the patch is
 * merged into the report's triage state, so an absent member leaves a value as it is and {@code null}
 * removes it (unassigns, unlinks). {@code timeSpentMinutes} and {@code comment} are additions, not state.
 * Every member that cannot be read is named at once.
 */
final class TriagePatch {

    static final Set<String> FIELDS = new TreeSet<>(Set.of(
            "impact", "urgency", "responsibility", "assignee", "status", "outageId", "timeSpentMinutes", "comment"));

    private TriagePatch() {}

    static FaultReportService.Triage read(JsonObject patch, FaultReport report) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : patch.keySet()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field that can be changed; use " + FIELDS));
            }
        }
        JsonObject merged = Json.createMergePatch(patch).apply(state(report)).asJsonObject();
        // Only what the patch mentions is a change: a closed report refuses any change, even to the same value.
        Reader r = new Reader(merged, patch.keySet(), errors);
        Level impact = r.enumeration("impact", Level.class);
        Level urgency = r.enumeration("urgency", Level.class);
        Responsibility responsibility = r.enumeration("responsibility", Responsibility.class);
        ReportStatus status = r.enumeration("status", ReportStatus.class);
        String assignee = r.text("assignee");
        String comment = r.text("comment");
        UUID outageId = r.id("outageId", "must be an outage id (UUID) or null to unlink");
        Integer minutes = r.wholeNumber("timeSpentMinutes", "must be a whole number of minutes");
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new FaultReportService.Triage(
                impact,
                urgency,
                responsibility,
                assignee,
                patch.containsKey("assignee"),
                status,
                outageId,
                patch.containsKey("outageId"),
                minutes,
                comment);
    }

    /** The report's triage state as the document the merge patch applies to; unset values are absent. */
    static JsonObject state(FaultReport report) {
        JsonObjectBuilder state = Json.createObjectBuilder();
        add(state, "impact", report.impact);
        add(state, "urgency", report.urgency);
        add(state, "responsibility", report.responsibility);
        add(state, "assignee", report.assignee);
        add(state, "status", report.status);
        add(state, "outageId", report.outageId);
        return state.build();
    }

    private static void add(JsonObjectBuilder state, String name, Object value) {
        if (value != null) {
            state.add(name, value.toString());
        }
    }

    /** Typed values of the merged document, for the members the patch mentions. */
    private record Reader(JsonObject merged, Set<String> mentioned, List<FieldError> errors) {

        private JsonValue value(String field) {
            JsonValue value = mentioned.contains(field) ? merged.get(field) : null;
            return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
        }

        <E extends Enum<E>> E enumeration(String field, Class<E> type) {
            JsonValue value = value(field);
            if (value == null) {
                return null;
            }
            try {
                return Params.enumOrNull(field, value instanceof JsonString s ? s.getString() : "?", type);
            } catch (InvalidFieldException e) {
                errors.addAll(e.errors());
                return null;
            }
        }

        String text(String field) {
            JsonValue value = value(field);
            if (value == null) {
                return null;
            }
            if (value instanceof JsonString s) {
                return s.getString();
            }
            errors.add(new FieldError(field, "must be a text"));
            return null;
        }

        UUID id(String field, String reason) {
            JsonValue value = value(field);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value instanceof JsonString s ? s.getString() : value.toString());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, reason));
                return null;
            }
        }

        Integer wholeNumber(String field, String reason) {
            JsonValue value = value(field);
            if (value == null) {
                return null;
            }
            if (value instanceof JsonNumber n && n.isIntegral()) {
                try {
                    return n.intValueExact();
                } catch (ArithmeticException e) {
                    // too large for minutes: named below
                }
            }
            errors.add(new FieldError(field, reason));
            return null;
        }
    }
}
