package se.driftinfo.contracts.catalog;

import java.util.regex.Pattern;

/**
 * What a region or system code looks like (a lowercase slug such as {@code norrbotten} or
 * {@code cosmic}), as maintenance-service assigns and publishes them. A value of another shape names
 * nothing, so a service answers it without asking its database: PostgreSQL refuses a NUL byte with an
 * error, not an empty answer.
 */
public final class CatalogCodes {

    /** The shape as a regular expression, for Bean Validation's {@code @Pattern}. */
    public static final String CODE = "[a-z0-9][a-z0-9-]{0,49}";

    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);

    private CatalogCodes() {}

    /** True if {@code value} could name a region or system. */
    public static boolean isCode(String value) {
        return value != null && CODE_PATTERN.matcher(value).matches();
    }
}
