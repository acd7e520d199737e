package se.driftinfo.notifier.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.Subscribers;
import se.driftinfo.notifier.Subscribers.Links;
import se.driftinfo.notifier.delivery.Delivery;

/** The tokens in subscription links: stored as hashes, expiring, single-use, and each for its own purpose. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class SubscriptionLinksTest {

    @Inject
    EntityManager em;

    @Inject
    SubscriptionService service;

    @TestHTTPResource("/api/subscriptions")
    URL subscriptions;

    @Test
    @DisplayName("gap 14: the database holds no token in plain text, neither in subscriptions nor in sent mail")
    void theDatabaseHoldsNoPlainToken() {
        String region = Subscribers.newRegion();
        String email = "overkalix-" + UUID.randomUUID() + "@hc.example";
        Links links = Subscribers.subscribe(email, region, List.of(), "sv", 1);
        MimeMessage confirmation = Mailbox.to(email).get(0);
        String unsubscribeToken =
                lastSegment(Mails.header(confirmation, "List-Unsubscribe").replaceAll("[<>]", ""));
        links = Subscribers.confirm(links);
        List<String> tokens = List.of(lastSegment(links.confirmPath()), links.manage(), links.feed(), unsubscribeToken);
        Eventually.until(
                Duration.ofSeconds(10),
                "the confirmation recorded as sent",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> Delivery.count("recipient = ?1 and status = 'SENT'", email)),
                n -> n == 1);

        for (String token : tokens) {
            assertEquals(0L, rowsHolding("subscription", token), "subscription holds no plain token");
            assertEquals(0L, rowsHolding("delivery", token), "sent mail holds no plain token");
        }
        String confirmHash = QuarkusTransaction.requiringNew()
                .call(() ->
                        (String) em.createNativeQuery("select confirm_token_hash from subscription where email = ?1")
                                .setParameter(1, email)
                                .getSingleResult());
        assertEquals(Tokens.hash(tokens.get(0)), confirmHash, "the hash is what is kept");
        // The feed still works as a URL: it is compared by hash.
        given().get("/feeds/s/" + links.feed() + ".ics").then().statusCode(200);
    }

    @Test
    @DisplayName("gap 14: a confirmation link works once; the second time says so clearly")
    void aConfirmationLinkWorksOnce() {
        String region = Subscribers.newRegion();
        String email = "pajala-" + UUID.randomUUID() + "@hc.example";
        Links links = Subscribers.subscribeAndConfirm(email, region, List.of(), "sv");

        String again = Forms.form()
                .accept("text/html")
                .when()
                .post(links.confirmPath())
                .then()
                .statusCode(409)
                .extract()
                .asString();
        assertTrue(again.contains("Redan bekräftad"), again);
        assertTrue(again.contains("Den här länken har redan använts"), again);
        assertFalse(again.contains("/feeds/s/"), "no feed address shown a second time");
        given().get(links.confirmPath()).then().statusCode(409).body(containsString("Redan bekräftad"));
        given().get("/feeds/s/" + links.feed() + ".ics").then().statusCode(200);
    }

    @Test
    @DisplayName("gap 14: an unconfirmed subscription expires: its link answers 410, then it is deleted")
    void anExpiredPendingSubscriptionCannotBeConfirmed() {
        String region = Subscribers.newRegion();
        String email = "haparanda-" + UUID.randomUUID() + "@hc.example";
        Links links = Subscribers.subscribe(email, region, List.of(), "en", 1);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update subscription set created_at = ?1 where email = ?2")
                        .setParameter(1, Instant.now().minus(Duration.ofHours(49)))
                        .setParameter(2, email)
                        .executeUpdate());

        given().get(links.confirmPath()).then().statusCode(410).body(containsString("The link has expired"));
        String page = Forms.form()
                .when()
                .post(links.confirmPath())
                .then()
                .statusCode(410)
                .extract()
                .asString();
        assertTrue(page.contains("Subscribe again"), page);
        assertEquals(Subscription.PENDING, statusOf(email));

        assertTrue(service.deleteExpired() >= 1);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Subscription.count("email", email)));
        Forms.form().when().post(links.confirmPath()).then().statusCode(404);
    }

    @Test
    @DisplayName("gap 15: the unsubscribe token from a mail header cannot renew the feed; the manage link can")
    void onlyTheManageLinkRenewsTheFeed() {
        String region = Subscribers.newRegion();
        String email = "vittangi-" + UUID.randomUUID() + "@hc.example";
        Links links = Subscribers.subscribeAndConfirm(email, region, List.of(), "sv");
        String unsubscribeToken = lastSegment(
                Mails.header(Mailbox.to(email).get(0), "List-Unsubscribe").replaceAll("[<>]", ""));

        Forms.form()
                .when()
                .post("/subscriptions/renew-feed/" + unsubscribeToken)
                .then()
                .statusCode(404);
        given().get("/subscriptions/renew-feed/" + unsubscribeToken).then().statusCode(404);
        given().get("/feeds/s/" + links.feed() + ".ics").then().statusCode(200);

        Forms.form()
                .when()
                .post("/subscriptions/renew-feed/" + links.manage())
                .then()
                .statusCode(200);
        given().get("/feeds/s/" + links.feed() + ".ics").then().statusCode(404);
        // The unsubscribe link still does what it is for.
        given().get("/subscriptions/unsubscribe/" + unsubscribeToken).then().statusCode(200);
    }

    @Test
    void linksMailedBeforeTokensWereHashedStillUnsubscribe() {
        String legacyToken = Tokens.random();
        String email = "legacy-" + UUID.randomUUID() + "@hc.example";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into subscription (id, email, regions, systems, language, status, confirm_token_hash,
                            unsubscribe_token_hash, created_at, confirmed_at)
                        values (?1, ?2, ',norrbotten,', ',', 'sv', 'ACTIVE', ?3, ?4, now(), now())""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, email)
                .setParameter(3, Tokens.hash(Tokens.random()))
                // As V2's migration leaves a token of a subscription made before it: hashed in SQL.
                .setParameter(4, Tokens.hash(legacyToken))
                .executeUpdate());

        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .when()
                .post("/subscriptions/unsubscribe/" + legacyToken)
                .then()
                .statusCode(200);
        assertEquals(Subscription.UNSUBSCRIBED, statusOf(email));
    }

    @Test
    void aForgedUnsubscribeTokenForARealSubscriptionIsRefused() {
        String region = Subscribers.newRegion();
        String email = "forged-" + UUID.randomUUID() + "@hc.example";
        Subscribers.subscribeAndConfirm(email, region, List.of(), "sv");
        String token = lastSegment(
                Mails.header(Mailbox.to(email).get(0), "List-Unsubscribe").replaceAll("[<>]", ""));
        // Same subscription id, another HMAC: as someone who knows the id but not the key would write it.
        char last = token.charAt(token.length() - 5);
        String forged = token.substring(0, token.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 4);
        given().get("/subscriptions/unsubscribe/" + forged).then().statusCode(404);
        given().get("/subscriptions/unsubscribe/" + token).then().statusCode(200);
    }

    @Test
    @DisplayName("gap 12: 20 concurrent requests for one address store exactly the 3 the cap allows")
    void theCapHoldsUnderConcurrentRequests() throws Exception {
        String region = Subscribers.newRegion();
        String email = "flood-" + UUID.randomUUID() + "@hc.example";
        int requests = 20;
        String body = """
                {"email": "%s", "regions": ["%s"], "systems": [], "language": "sv"}""".formatted(email, region);
        // Plain java.net.http, all sent at once: nothing on the client side lines them up.
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(client.sendAsync(
                    HttpRequest.newBuilder(subscriptions.toURI())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(202, answer.get(60, TimeUnit.SECONDS).statusCode(), "each request looks accepted");
        }
        assertEquals(SubscriptionService.MAX_PENDING, (long) QuarkusTransaction.requiringNew()
                .call(() -> Subscription.count("email = ?1 and status = ?2", email, Subscription.PENDING)));
        Mailbox.await(email, SubscriptionService.MAX_PENDING);
        Thread.sleep(2500);
        assertEquals(SubscriptionService.MAX_PENDING, Mailbox.to(email).size(), "three confirmation mails, no more");
    }

    private long rowsHolding(String table, String token) {
        // Every column as text: wherever a token could have been written, it is not.
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("select count(*) from " + table + " t where strpos(t::text, ?1) > 0")
                                .setParameter(1, token)
                                .getSingleResult())
                .longValue());
    }

    private static String statusOf(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Subscription.<Subscription>find("email", email).firstResult().status);
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
