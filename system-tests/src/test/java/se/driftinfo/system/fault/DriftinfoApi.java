package se.driftinfo.system.fault;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.Staff;

/**
 * What the fault suite does through the services' public contract, as clinics, the helpdesk and
 * planners do: subscribe and confirm, report faults (a provider's system with its API key), declare
 * and update outages, read the helpdesk queue, plan windows. Every request has a bounded time.
 */
final class DriftinfoApi {

    /** The demo provider's key (local profile); it may report for HSA-ids {@code SE2321000230-…}. */
    static final String PROVIDER_KEY = "demo-provider-key";

    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 3_000)
                    .setParam("http.socket.timeout", 20_000));

    private static final Pattern CONFIRM_LINK = Pattern.compile("/subscriptions/confirm/([A-Za-z0-9_-]+)");

    private DriftinfoApi() {}

    static RequestSpecification anonymous(String baseUrl) {
        return given().config(TIMEOUTS).baseUri(baseUrl);
    }

    static RequestSpecification as(String user, String baseUrl) {
        return Staff.as(user).config(TIMEOUTS).baseUri(baseUrl);
    }

    /**
     * Subscribes {@code email} to one system of one region, in English, through the public API, and
     * confirms it with the link from the confirmation mail, as a clinic does.
     */
    static void subscribeAndConfirm(FaultSystem faults, String email, String region, String system) {
        String notifier = faults.url(FaultSystem.NOTIFIER);
        Map<String, Object> body =
                Map.of("email", email, "regions", List.of(region), "systems", List.of(system), "language", "en");
        // 400 "unknown region" until the catalog has reached the notifier.
        Poll.until(
                "the subscription of " + email + " to be accepted",
                Duration.ofSeconds(90),
                () -> answer(anonymous(notifier).contentType(ContentType.JSON).body(body), "/api/subscriptions"),
                a -> a.startsWith("202"));
        String mail = Poll.until(
                "the confirmation mail to " + email,
                Duration.ofSeconds(60),
                () -> faults.mailbox.text(email, "Confirm your Driftinfo subscription"),
                text -> text != null);
        Matcher link = CONFIRM_LINK.matcher(mail);
        if (!link.find()) {
            throw new AssertionError("No confirm link in the mail to " + email + ":\n" + mail);
        }
        // As the confirm page's form posts it: with the CSRF cookie and field.
        Forms.form()
                .config(TIMEOUTS)
                .baseUri(notifier)
                .post("/subscriptions/confirm/" + link.group(1))
                .then()
                .statusCode(200);
    }

    /** Declares an outage of one system as the operator; returns its id. */
    static String declareOutage(String incident, String title, String region, String system) {
        Map<String, Object> body = Map.of(
                "title",
                title,
                "region",
                region,
                "systems",
                List.of(system),
                "impact",
                "OUTAGE",
                "startedAt",
                Instant.now().minusSeconds(60).toString(),
                "message",
                "Start your reserve routine. (" + title + ")");
        return as("operator", incident)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/outages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void updateOutage(String incident, String outageId, String message) {
        as("operator", incident)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "IDENTIFIED", "message", message))
                .post("/api/outages/" + outageId + "/updates")
                .then()
                .statusCode(200);
    }

    /** One attempt at a fault report: what the client saw, and the reference if it was accepted. */
    record Attempt(int status, String reference, String detail) {
        boolean accepted() {
            return status == 201 && reference != null;
        }
    }

    /** Sends one fault report from the demo provider's system; never throws for a refusal or a broken connection. */
    static Attempt report(String incident, String contactEmail, String region, String system) {
        Map<String, Object> body = new HashMap<>();
        body.put("reporterHsaId", "SE2321000230-0042");
        body.put("unitName", "Vårdcentralen Fault Suite");
        body.put("contactName", "Eva Lind");
        body.put("contactEmail", contactEmail);
        body.put("region", region);
        body.put("system", system);
        body.put("description", "Systemet svarar inte (fault suite).");
        body.put("urgency", "HIGH");
        body.put("language", "en");
        try {
            Response r = anonymous(incident)
                    .header("X-Api-Key", PROVIDER_KEY)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/fault-reports");
            String reference = r.statusCode() == 201 ? r.path("reference") : null;
            String retryAfter = r.header("Retry-After");
            return new Attempt(
                    r.statusCode(),
                    reference,
                    retryAfter != null ? "Retry-After " + retryAfter : abbreviate(r.asString()));
        } catch (Exception e) {
            return new Attempt(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Reports until the service accepts (201), as a client that retries does: after a 5xx or a broken
     * connection shortly, after a 429 when Retry-After says. Every answer goes to {@code seen}.
     */
    static String reportUntilAccepted(
            String incident, String contactEmail, String region, String system, List<Attempt> seen) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Attempt a = report(incident, contactEmail, region, system);
            synchronized (seen) {
                seen.add(a);
            }
            if (a.accepted()) {
                return a.reference();
            }
            if (a.status() >= 400 && a.status() < 500 && a.status() != 429) {
                throw new AssertionError("The report from " + contactEmail + " was refused: " + a);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The report from " + contactEmail + " was never accepted; last: " + a);
            }
            Poll.pause(a.status() == 429 ? retryAfter(a.detail()) : Duration.ofMillis(500));
        }
    }

    private static Duration retryAfter(String detail) {
        Matcher m = Pattern.compile("Retry-After (\\d+)").matcher(detail);
        return m.find() ? Duration.ofSeconds(Math.min(30, Long.parseLong(m.group(1)))) : Duration.ofSeconds(1);
    }

    /** The references of a region's reports in the helpdesk queue (operator). */
    static Set<String> helpdeskReferences(String incident, String region) {
        List<String> references = as("operator", incident)
                .queryParam("region", region)
                .get("/api/fault-reports")
                .then()
                .statusCode(200)
                .extract()
                .path("reference");
        return new LinkedHashSet<>(references);
    }

    /** Plans a one-off window in Europe/Stockholm as the planner; returns its id. */
    static String planWindow(
            String maintenance, String title, String region, String system, LocalDateTime start, LocalDateTime end) {
        Map<String, Object> window = new HashMap<>();
        window.put("title", title);
        window.put("region", region);
        window.put("systems", List.of(system));
        window.put("timeZone", "Europe/Stockholm");
        window.put("start", start.toString());
        window.put("end", end.toString());
        return as("planner", maintenance)
                .contentType(ContentType.JSON)
                .body(window)
                .post("/api/maintenance-windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Status and body of a request, e.g. {@code "202 {…}"}, or the failure. */
    private static String answer(RequestSpecification request, String path) {
        try {
            Response r = request.post(path);
            return r.statusCode() + " " + abbreviate(r.asString());
        } catch (Exception e) {
            return "0 " + e;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
