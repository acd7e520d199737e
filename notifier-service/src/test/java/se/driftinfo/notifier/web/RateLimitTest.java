package se.driftinfo.notifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.Subscribers;
import se.driftinfo.notifier.subscription.Subscription;

/**
 * Gap 11: the public endpoints are rate-limited, with tight limits in this profile. Each test is its
 * own client (X-Forwarded-For from a trusted proxy, as behind the ingress), so the tests do not use up
 * each other's buckets.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class RateLimitTest {

    /** Three subscribe requests per client, two confirmation mails per address, three unknown tokens per client. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "driftinfo.rate-limits.\"subscribe\".capacity", "3",
                    "driftinfo.rate-limits.\"subscribe\".period", "PT1H",
                    "driftinfo.rate-limits.\"subscription-mail\".capacity", "2",
                    "driftinfo.rate-limits.\"subscription-mail\".period", "PT1H",
                    "driftinfo.rate-limits.\"subscription-token-misses\".capacity", "3",
                    "driftinfo.rate-limits.\"subscription-token-misses\".period", "PT1H",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @Test
    @DisplayName("gap 11: a client that subscribed 3 times gets 429 with Retry-After, on the API and the page's form")
    void subscribingIsLimitedPerClient() {
        String region = Subscribers.newRegion();
        String client = newClient();
        for (int i = 0; i < 3; i++) {
            subscribe(client, "a" + i + "-" + UUID.randomUUID() + "@hc.example", region)
                    .then()
                    .statusCode(202);
        }
        String refused = "a3-" + UUID.randomUUID() + "@hc.example";
        subscribe(client, refused, region)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://driftinfo.se/problems/too-many-requests"));
        String page = Forms.form()
                .header("X-Forwarded-For", client)
                .accept("text/html")
                .formParam("email", "page-" + UUID.randomUUID() + "@hc.example")
                .formParam("regions", region)
                .formParam("language", "sv")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .extract()
                .asString();
        assertTrue(page.contains("För många försök"), page);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Subscription.count("email", refused)));
        // Another client is not held back by this one.
        subscribe(newClient(), "other-" + UUID.randomUUID() + "@hc.example", region)
                .then()
                .statusCode(202);
    }

    @Test
    @DisplayName(
            "gap 11: a stranger cannot mail-bomb an address: a third confirmation mail within the hour is refused, whoever asks")
    void confirmationMailIsLimitedPerRecipient() {
        String region = Subscribers.newRegion();
        String victim = "victim-" + UUID.randomUUID() + "@hc.example";
        subscribe(newClient(), victim, region).then().statusCode(202);
        subscribe(newClient(), victim.toUpperCase(), region).then().statusCode(202);
        subscribe(newClient(), victim.replace("@", "+tagged@"), region)
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        Mailbox.await(victim, 2);
        sleepQuietly(2000);
        assertEquals(2, Mailbox.to(victim).size(), "two confirmation mails, no third");
    }

    @Test
    @DisplayName("gap 11: guessing tokens: after 3 unknown tokens a client gets 429; its valid links still work")
    void unknownTokensAreLimitedPerClient() {
        String region = Subscribers.newRegion();
        String email = "gallivare-" + UUID.randomUUID() + "@hc.example";
        Subscribers.Links links = Subscribers.subscribe(email, region, List.of(), "sv", 1);
        // Subscribers.subscribe comes from loopback itself: one of that client's three requests.
        String unsubscribe = Mails.header(Mailbox.to(email).get(0), "List-Unsubscribe")
                .replaceAll("[<>]", "")
                .substring(Subscribers.PUBLIC_URL.length());
        String guesser = newClient();
        given().header("X-Forwarded-For", guesser)
                .get("/subscriptions/unsubscribe/guess-1")
                .then()
                .statusCode(404);
        given().header("X-Forwarded-For", guesser)
                .get("/subscriptions/confirm/guess-2")
                .then()
                .statusCode(404);
        given().header("X-Forwarded-For", guesser)
                .get("/feeds/s/guess-3.ics")
                .then()
                .statusCode(404);
        given().header("X-Forwarded-For", guesser)
                .get("/subscriptions/renew-feed/guess-4")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        given().header("X-Forwarded-For", guesser)
                .get("/feeds/s/guess-5.ics")
                .then()
                .statusCode(429);
        Forms.form()
                .header("X-Forwarded-For", guesser)
                .post("/subscriptions/unsubscribe/guess-6")
                .then()
                .statusCode(429);
        // Only misses count: the same client's real links are still served.
        given().header("X-Forwarded-For", guesser)
                .get(links.confirmPath())
                .then()
                .statusCode(200)
                .body(containsString("<form method=\"post\""));
        given().header("X-Forwarded-For", guesser).get(unsubscribe).then().statusCode(200);
    }

    private static Response subscribe(String client, String email, String region) {
        return given().header("X-Forwarded-For", client)
                .contentType("application/json")
                .body(Map.of("email", email, "regions", List.of(region), "systems", List.of(), "language", "sv"))
                .when()
                .post("/api/subscriptions");
    }

    /** An address of the documentation range (RFC 5737), one per call. */
    private static String newClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
