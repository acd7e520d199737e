package se.driftinfo.infra;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Posting a page's form in a test as a browser does: the CSRF cookie and the same value in the form's
 * hidden {@code csrf} field (see service-kit's {@code CsrfToken}).
 */
public final class Forms {

    /** A well-formed token (43 base64url characters) that this test's "browser" holds. */
    public static final String TOKEN = "test-browser-csrf-token-0123456789abcdefghi";

    private Forms() {}

    /** A request carrying the browser's CSRF cookie and field; add the form's own fields. */
    public static RequestSpecification form() {
        return given().cookie("csrf", TOKEN).formParam("csrf", TOKEN);
    }
}
