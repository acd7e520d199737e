package se.driftinfo.incident.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refused form post tells the user: a message per form field (shown on the field, which points
 * at it with {@code aria-describedby}) and at most one message for the whole page (a stale version).
 */
public final class FieldErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private String page;

    /** The form field a constraint violation names: the last named node of its path. */
    static String fieldOf(ConstraintViolation<?> v) {
        String field = "";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null) {
                field = node.getName();
            }
        }
        return field;
    }

    public static FieldErrors none() {
        return new FieldErrors();
    }

    FieldErrors on(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    FieldErrors page(String message) {
        this.page = message;
        return this;
    }

    /** The message for a form field, or null. */
    public String get(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The message for the whole page, or null. */
    public String getPage() {
        return page;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && page == null;
    }

    /** The fields in error, in the order they were named: the summary links to each. */
    public Map<String, String> getFields() {
        return fields;
    }
}
