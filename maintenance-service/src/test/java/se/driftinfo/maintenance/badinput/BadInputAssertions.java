package se.driftinfo.maintenance.badinput;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.HttpCookie;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import se.driftinfo.infra.BadInputs.Case;
import se.driftinfo.infra.IdentityServer;
import se.driftinfo.infra.Staff;

/**
 * What every case of the bad-input tables asserts (issue #15): a 4xx, never a 5xx; for the API a problem
 * detail naming the field; for pages the error on the field; and the state of the service as before.
 */
final class BadInputAssertions {

    private static List<HttpCookie> browser;

    private BadInputAssertions() {}

    /** A planner's API request (bearer token), JSON body. */
    static RequestSpecification planner() {
        return Staff.as("planner").contentType(ContentType.JSON);
    }

    /**
     * A planner's browser, signed in once through the provider's login page (code flow) and reused: its
     * session cookies only, no Authorization header.
     */
    static synchronized RequestSpecification browser() {
        if (browser == null) {
            String page = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/planner";
            browser = IdentityServer.current().signInAsBrowser(page, "planner");
        }
        RequestSpecification request = given().redirects().follow(false);
        browser.forEach(c -> request.cookie(c.getName(), c.getValue()));
        return request;
    }

    /** A refusal by the API: 4xx, problem+json, and naming {@code field} (or any field when null). */
    static void assertProblem(Response r, String field, String what) {
        int status = r.statusCode();
        assertTrue(status >= 400 && status < 500, what + ": status " + status + " " + r.asString());
        assertTrue(
                String.valueOf(r.contentType()).startsWith("application/problem+json"),
                what + ": content type " + r.contentType());
        if (field != null) {
            List<String> names = r.jsonPath().getList("'invalid-params'.name");
            assertTrue(
                    names != null
                            && names.stream()
                                    .anyMatch(n ->
                                            n.equals(field) || n.startsWith(field + "[") || n.startsWith(field + ".")),
                    what + ": names " + names + ", not " + field + " (" + r.asString() + ")");
        }
    }

    /** A refusal on a page: 400, the form shown again with the error on its field. */
    static void assertShownOnField(Response r, String inputId, String errorId, String what) {
        assertEquals(400, r.statusCode(), what + ": " + r.statusCode());
        String html = r.asString();
        assertTrue(html.contains("id=\"" + errorId + "-error\""), what + ": no message " + errorId + "-error");
        if (inputId != null) {
            assertTrue(
                    Pattern.compile("id=\"" + inputId + "\"[^>]*aria-invalid=\"true\" aria-describedby=\"" + errorId
                                    + "-error\"")
                            .matcher(html)
                            .find(),
                    what + ": " + inputId + " is not marked invalid and described by " + errorId + "-error");
        }
    }

    /** The service still answers readiness: no case left it broken. */
    static void assertHealthy() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** How many windows the API lists (in every region): what "nothing stored" counts. */
    static int windowCount() {
        return given().get("/api/maintenance-windows")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
    }

    /** A window as the API shows it, to compare before and after a refused change. */
    static Map<String, Object> window(String id) {
        Map<String, Object> shown = new HashMap<>(given().get("/api/maintenance-windows/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap(""));
        shown.remove("next"); // "from now on": moves with the clock, not with the window
        return shown;
    }

    /** A planner's series in {@code year}: the third Wednesday of every month, 17:00–23:00. */
    static Map<String, Object> series(String title, int year) {
        LocalDateTime start = LocalDateTime.of(year, 1, 1, 17, 0)
                .with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(3, java.time.DayOfWeek.WEDNESDAY));
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Cosmic stängs. Använd reservrutinen.");
        body.put("region", "norrbotten");
        body.put("systems", List.of("cosmic", "labportalen"));
        body.put("timeZone", "Europe/Stockholm");
        body.put("start", start.toString());
        body.put("end", start.withHour(23).toString());
        body.put("recurrence", "FREQ=MONTHLY;BYDAY=3WE");
        return body;
    }

    static String create(Map<String, Object> body) {
        return planner()
                .body(body)
                .post("/api/maintenance-windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The field a {@link se.driftinfo.infra.BadInputs#jsonVariants} case is about: its name's first word. */
    static String fieldOf(Case c) {
        return c.name().split("[ :]", 2)[0];
    }
}
