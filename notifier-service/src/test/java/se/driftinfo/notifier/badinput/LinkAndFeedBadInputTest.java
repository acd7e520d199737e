package se.driftinfo.notifier.badinput;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Subscribers;
import se.driftinfo.notifier.Subscribers.Links;
import se.driftinfo.notifier.subscription.Tokens;

/**
 * The bad-input tables for what is addressed by path and query: the tokens of the links in mail
 * (confirm, unsubscribe, renew the feed; GET and POST), the feeds' regions, systems and tokens, and
 * {@code /driftinfo}'s query parameters. Every case is a 4xx (never 5xx), changes nothing, and leaves
 * the service ready; on {@code /driftinfo} the problem names the parameter.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class LinkAndFeedBadInputTest {

    /** One request: method, path (already encoded), and the status codes that are right for it. */
    record Call(String name, String method, String path, Set<Integer> statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Tokens that name no subscription, written every way a client could send one. */
    static final List<String[]> BAD_TOKENS = List.of(
            new String[] {"unknown", "not-a-token"},
            new String[] {"random 256 bits", "qGN3Tt0F3H0mHJ0s3V6wG2oKk8n4Yv5pXc1bW7uZr9A"},
            new String[] {"unsubscribe format, wrong HMAC", "A".repeat(64)},
            new String[] {"one character", "x"},
            new String[] {"2000 characters", "x".repeat(2000)},
            new String[] {"SQL", enc("' or '1'='1")},
            new String[] {"markup", enc("<script>alert(1)</script>")},
            new String[] {"encoded slash and dots", "..%2F..%2Fq%2Fhealth"},
            new String[] {"NUL byte", "abc%00def"},
            new String[] {"non-ASCII", enc("åäö\u202e")},
            new String[] {"CRLF", "abc%0D%0ASet-Cookie:%20x=y"},
            new String[] {"percent sign", "100%25"});

    static Links expired;
    static Links used;

    @Inject
    EntityManager em;

    private static boolean prepared;

    /** Once per class, but with the application up (a static @BeforeAll runs before RestAssured knows its port). */
    @BeforeEach
    void prepare() {
        if (!prepared) {
            prepared = true;
            tokensThatNoLongerWork();
        }
    }

    static void tokensThatNoLongerWork() {
        String region = Subscribers.newRegion();
        used = Subscribers.subscribeAndConfirm("used-" + UUID.randomUUID() + "@hc.example", region, List.of(), "sv");
        String email = "expired-" + UUID.randomUUID() + "@hc.example";
        expired = Subscribers.subscribe(email, region, List.of(), "sv", 1);
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("update subscription set created_at = ?1 where email = ?2")
                .setParameter(1, Instant.now().minus(Duration.ofDays(3)))
                .setParameter(2, email)
                .executeUpdate());
    }

    static List<Call> tokenCalls() {
        List<Call> calls = new ArrayList<>();
        for (String[] token : BAD_TOKENS) {
            for (String link : List.of("confirm", "unsubscribe", "renew-feed")) {
                String path = "/subscriptions/" + link + "/" + token[1];
                // A path no route matches (a decoded slash) is a 404 too; a URL too long for the server a 414.
                calls.add(new Call("GET " + link + ": " + token[0], "GET", path, Set.of(400, 404, 414)));
                calls.add(new Call("POST " + link + ": " + token[0], "POST", path, Set.of(400, 404, 414)));
            }
            calls.add(new Call("feed: " + token[0], "GET", "/feeds/s/" + token[1] + ".ics", Set.of(400, 404, 414)));
        }
        return calls;
    }

    /** Links that worked once; their paths are filled in when the test runs ({@link #resolve}). */
    static List<Call> usedAndExpiredCalls() {
        return List.of(
                new Call("GET confirm: used", "GET", "{used.confirm}", Set.of(409)),
                new Call("POST confirm: used", "POST", "{used.confirm}", Set.of(409)),
                new Call("GET confirm: expired", "GET", "{expired.confirm}", Set.of(410)),
                new Call("POST confirm: expired", "POST", "{expired.confirm}", Set.of(410)),
                new Call("GET renew-feed: manage token before confirmation", "GET", "{expired.manage}", Set.of(409)),
                new Call("POST renew-feed: manage token before confirmation", "POST", "{expired.manage}", Set.of(409)));
    }

    private static String resolve(String path) {
        return switch (path) {
            case "{used.confirm}" -> used.confirmPath();
            case "{expired.confirm}" -> expired.confirmPath();
            case "{expired.manage}" -> "/subscriptions/renew-feed/" + expired.manage();
            default -> path;
        };
    }

    static List<Call> feedAndPageCalls() {
        List<Call> calls = new ArrayList<>();
        for (String region : List.of(
                "gotland", enc("<script>"), "x".repeat(300), enc("' or 1=1 --"), enc("norrbotten\r\nX-A: b"), "%00")) {
            calls.add(new Call(
                    "region feed: " + region.substring(0, Math.min(20, region.length())),
                    "GET",
                    "/feeds/regions/" + region + ".ics",
                    Set.of(400, 404)));
            calls.add(new Call(
                    "system feed: " + region.substring(0, Math.min(20, region.length())),
                    "GET",
                    "/feeds/systems/" + region + ".ics",
                    Set.of(400, 404)));
        }
        for (String month : List.of(
                "9999-99",
                "0000-00",
                "garbage",
                "9999-01",
                "0001-01",
                "2026-13",
                "2026-00",
                "-1",
                "2026-1",
                "20261",
                "2026-12-01",
                "x".repeat(500),
                enc("<script>"),
                "%2B2026-01",
                "2026%0A-01",
                "%00")) {
            calls.add(new Call(
                    "/driftinfo?month=" + month.substring(0, Math.min(20, month.length())),
                    "GET",
                    "/driftinfo?month=" + month,
                    Set.of(400)));
        }
        for (String region :
                List.of("gotland", enc("<script>alert(1)</script>"), "x".repeat(300), "%00", "NORRBOTTEN")) {
            calls.add(new Call(
                    "/driftinfo?region=" + region.substring(0, Math.min(20, region.length())),
                    "GET",
                    "/driftinfo?region=" + region,
                    Set.of(400)));
        }
        return calls;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"tokenCalls", "usedAndExpiredCalls"})
    void aLinkWithABadTokenChangesNothing(Call call) {
        Instant before = Instant.now();
        String states = subscriptionStates();
        ExtractableResponse<Response> answer = send(call);
        assertTrue(
                call.statuses().contains(answer.statusCode()),
                call + ": " + answer.statusCode() + " " + answer.asString());
        if (answer.contentType() != null && answer.contentType().startsWith("text/html")) {
            assertFalse(answer.asString().contains("<script>alert"), call + ": markup echoed into a page");
        }
        assertEquals(0, Stored.since(em, before), call + ": nothing stored");
        assertEquals(states, subscriptionStates(), call + ": no subscription changed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feedAndPageCalls")
    void aBadFeedOrPageParameterIsAProblem(Call call) {
        ExtractableResponse<Response> answer = send(call);
        assertTrue(
                call.statuses().contains(answer.statusCode()),
                call + ": " + answer.statusCode() + " " + answer.asString());
        if (call.path().startsWith("/driftinfo")) {
            assertTrue(answer.contentType().startsWith("application/problem+json"), call + ": " + answer.contentType());
            String field = call.path().contains("month=") ? "month" : "region";
            assertEquals(
                    List.of(field), answer.jsonPath().getList("invalid-params.name"), call + ": " + answer.asString());
        }
        if (answer.contentType().startsWith("text/html")) {
            assertFalse(answer.asString().contains("<script>"), call + ": markup echoed into a page");
        }
    }

    @Test
    void aPersonOnThePageSeesAPageNamingTheMonth() {
        String page = given().accept("text/html")
                .get("/driftinfo?month=9999-99")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(page.contains("month"), page);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    }

    @Test
    void theTablesHaveAtLeastThirtyCasesEach() {
        assertTrue(tokenCalls().size() + usedAndExpiredCalls().size() >= 30);
        assertTrue(
                feedAndPageCalls().size() >= 30,
                "feed and page cases: " + feedAndPageCalls().size());
    }

    @Test
    void theKnownTokensStillWorkAfterTheTable() {
        given().get("/feeds/s/" + used.feed() + ".ics").then().statusCode(200);
        assertEquals(64, Tokens.hash("x").length());
    }

    /** Runs last: after every bad input, the service still answers ready. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillReadyAfterTheTable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The path as written (already encoded); a POST as the page's form sends it, with the CSRF token. */
    /** The path as written (already encoded); a POST as the page's form sends it, with the CSRF token. */
    private static ExtractableResponse<Response> send(Call call) {
        String path = resolve(call.path());
        if (call.method().equals("POST")) {
            return Forms.form().urlEncodingEnabled(false).post(path).then().extract();
        }
        return given().urlEncodingEnabled(false).get(path).then().extract();
    }

    private String subscriptionStates() {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(em.createNativeQuery(
                                "select count(*) || '/' || coalesce(string_agg(status || coalesce(feed_token_hash, ''), ',' order by id), '') from subscription")
                        .getSingleResult()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
