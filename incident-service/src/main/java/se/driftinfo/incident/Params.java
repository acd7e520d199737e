package se.driftinfo.incident;

import java.util.Arrays;
import java.util.UUID;
import se.driftinfo.kit.domain.InvalidFieldException;

/** Reads query and path values so that a bad one is a problem naming the parameter, not a 404. */
public final class Params {

    private Params() {}

    public static <E extends Enum<E>> E enumOrNull(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A yes/no query value: {@code true} or {@code false} (any case), absent or blank meaning false. */
    public static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidFieldException(field, "must be true or false");
        };
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidFieldException(field, "must be an id (UUID)");
        }
    }
}
