package se.driftinfo.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.Subscribers;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.subscription.UnsubscribeTokens;

/**
 * An outage mailed to a few hundred subscribers (issue #14): queued a batch at a time while several
 * senders send, each subscriber mailed once, the first batch out before the last is queued, and an
 * unsubscribe in the middle of it still stops the mail. Against the real Kafka, database and SMTP
 * server; the subscribers are rows as confirming would leave them, made in SQL.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class FanOutTest {

    /**
     * The first batch of a fan-out (the default {@code delivery.batch-size}): the first this many
     * subscriptions, in id order, are queued together, later ones 200 at a time.
     */
    private static final int FIRST_BATCH = 20;

    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Test
    @DisplayName("an outage reaches each of 450 subscribers exactly once while several senders work in parallel")
    void eachSubscriberGetsTheOutageOnce() {
        String region = Subscribers.newRegion();
        String domain = "once-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<String> subscribers = seed(region, domain, 450);
        String title = "Cosmic nere för alla (" + domain + ")";

        declare(region, title);

        Map<String, Long> copies = awaitCopies(domain, title, 450);
        assertEquals(Map.of(), notOnce(copies, subscribers), "every subscriber has the outage mail exactly once");
        sleep(2000);
        assertEquals(Map.of(), notOnce(copiesOf(domain, title), subscribers), "and no second copy comes later");
        // Each recorded as sent once (a success is recorded with the next mail's re-take, the last of a
        // batch alone): none is left pending to be sent again when its lease runs out.
        assertEquals(
                Map.of("SENT/1", 450L),
                QuarkusTransaction.requiringNew()
                        .call(() -> Delivery.<Delivery>list("recipient like ?1", "%@" + domain).stream()
                                .collect(Collectors.groupingBy(
                                        d -> d.status + "/" + d.attempts, Collectors.counting()))));
    }

    @Test
    @DisplayName("the first subscribers are mailed before the fan-out has queued the rest, and the rest follow")
    void theFirstMailGoesOutBeforeTheWholeListIsQueued() throws Exception {
        String region = Subscribers.newRegion();
        String domain = "first-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<String> subscribers = seed(region, domain, BATCH + 50);
        String title = "TakeCare nere (" + domain + ")";
        // Held by another transaction, the first subscription of the second batch stops the fan-out
        // there, as a slow database would: whatever is mailed meanwhile was sent before the list was queued.
        List<UUID> ids = idsInOrder(domain);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lock(holder, ids.get(FIRST_BATCH));
            UUID eventId = declare(region, title);

            Map<String, Long> firstBatch = awaitCopies(domain, title, FIRST_BATCH);
            assertEquals(FIRST_BATCH, firstBatch.size(), "the whole first batch was mailed");
            sleep(1000);
            assertEquals(FIRST_BATCH, queuedFor(eventId), "while only the first batch is queued");
            assertEquals(FIRST_BATCH, copiesOf(domain, title).size(), "and nothing of the second batch is out");
            holder.rollback();
        }
        Map<String, Long> all = awaitCopies(domain, title, BATCH + 50);
        assertEquals(Map.of(), notOnce(all, subscribers), "once the rest is queued, everyone has it once");
    }

    @Test
    @DisplayName("a subscriber who unsubscribes while the outage is being mailed out gets none of it")
    void anUnsubscribeDuringTheFanOutStopsTheMail() throws Exception {
        String region = Subscribers.newRegion();
        String domain = "leave-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<String> subscribers = seed(region, domain, BATCH + 50);
        String title = "Sectra nere (" + domain + ")";
        List<UUID> ids = idsInOrder(domain);
        UUID leaving = ids.get(ids.size() - 1);
        String leavingEmail =
                QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>findById(leaving).email);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lock(holder, ids.get(FIRST_BATCH));
            declare(region, title);
            awaitCopies(domain, title, FIRST_BATCH);

            // The fan-out is under way (the first batch is out); this subscriber's mail is not queued yet.
            String token =
                    QuarkusTransaction.requiringNew().call(() -> unsubscribeTokens.of(Subscription.findById(leaving)));
            given().contentType("application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click")
                    .when()
                    .post("/subscriptions/unsubscribe/" + token)
                    .then()
                    .statusCode(200);
            holder.rollback();
        }
        List<String> staying =
                subscribers.stream().filter(s -> !s.equals(leavingEmail)).toList();
        awaitCopies(domain, title, staying.size());
        sleep(2000);
        Map<String, Long> copies = copiesOf(domain, title);
        assertEquals(Map.of(), notOnce(copies, staying), "everyone else has it once");
        assertEquals(0L, copies.getOrDefault(leavingEmail, 0L), "the one who left has none");
    }

    @Test
    @DisplayName(
            "rendered once per language and batch, each subscriber's mail still carries their own unsubscribe link, in their language, with the title escaped")
    void eachMailCarriesItsOwnSubscribersUnsubscribeLink() {
        String region = Subscribers.newRegion();
        String domain = "own-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        // Two batches (20, then the rest), each with Swedish and English readers.
        List<String> subscribers = seed(region, domain, FIRST_BATCH + 10);
        String title = "Cosmic <b>nere</b> & \"långsam\" (" + domain + ")";

        declare(region, title);

        awaitCopies(domain, title, subscribers.size());
        Map<String, String> links = QuarkusTransaction.requiringNew()
                .call(() -> Subscription.<Subscription>list("email like ?1", "%@" + domain).stream()
                        .collect(Collectors.toMap(
                                s -> s.email,
                                s -> "http://localhost:8083/subscriptions/unsubscribe/" + unsubscribeTokens.of(s))));
        List<MimeMessage> mails = InfraTestResource.infrastructure().mail().received().stream()
                .filter(m -> Mails.subject(m).contains(title))
                .filter(m -> recipient(m).endsWith("@" + domain))
                .toList();
        assertEquals(subscribers.size(), mails.size());
        for (MimeMessage mail : mails) {
            String to = recipient(mail);
            String link = links.get(to);
            String text = Mails.text(Mails.part(mail, "text/plain").orElseThrow());
            String html = Mails.text(Mails.part(mail, "text/html").orElseThrow());
            assertEquals("<" + link + ">", Mails.header(mail, "List-Unsubscribe"), to + ": one-click header");
            assertTrue(text.contains(link), to + ": the text part's link is the subscriber's own\n" + text);
            assertTrue(html.contains("href=\"" + link + "\""), to + ": the HTML part's link is the subscriber's own");
            links.entrySet().stream()
                    .filter(other -> !other.getKey().equals(to))
                    .forEach(other -> assertFalse(
                            text.contains(other.getValue()) || html.contains(other.getValue()),
                            to + " carries the link of " + other.getKey()));
            assertFalse(html.contains("<b>nere</b>"), to + ": markup in the title is escaped");
            assertTrue(html.contains("&lt;b&gt;nere&lt;/b&gt; &amp; &quot;långsam&quot;"), html);
            // seed(): even numbers read Swedish, odd English.
            boolean swedish = Integer.parseInt(to.substring(1, 4)) % 2 == 0;
            String own = swedish ? "Avsluta prenumerationen: " : "Unsubscribe: ";
            String other = swedish ? "Unsubscribe: " : "Avsluta prenumerationen: ";
            assertTrue(text.contains(own) && !text.contains(other), to + " reads its own language\n" + text);
        }
    }

    /** Confirmed subscribers of the region's cosmic and takecare: {@code s001@domain} …, in SQL. */
    private List<String> seed(String region, String domain, int count) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into subscription (id, email, regions, systems, language, status, confirm_token_hash,
                    feed_token_hash, manage_token_hash, created_at, confirmed_at)
                select gen_random_uuid(), format('s%s@%s', lpad(n::text, 3, '0'), ?1), ?2, ',cosmic,takecare,',
                    case when n % 2 = 0 then 'sv' else 'en' end, 'ACTIVE',
                    encode(sha256((gen_random_uuid()::text || 'c')::bytea), 'hex'),
                    encode(sha256((gen_random_uuid()::text || 'f')::bytea), 'hex'),
                    encode(sha256((gen_random_uuid()::text || 'm')::bytea), 'hex'),
                    now(), now()
                from generate_series(1, ?3) n""")
                .setParameter(1, domain)
                .setParameter(2, "," + region + ",")
                .setParameter(3, count)
                .executeUpdate());
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(n -> String.format("s%03d@%s", n, domain))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> idsInOrder(String domain) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id from subscription where email like ?1 order by id", UUID.class)
                .setParameter(1, "%@" + domain)
                .getResultList());
    }

    private static void lock(Connection holder, UUID subscription) throws Exception {
        try (PreparedStatement ps = holder.prepareStatement("select 1 from subscription where id = ? for update")) {
            ps.setObject(1, subscription);
            ps.executeQuery().close();
        }
    }

    private UUID declare(String region, String title) {
        UUID outageId = UUID.randomUUID();
        Instant started = Instant.now().minusSeconds(60);
        return Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(
                        new OutageV1(
                                outageId,
                                "DS-2027-00" + (100 + (int) (Math.random() * 800)),
                                title,
                                region,
                                List.of("cosmic"),
                                "OUTAGE",
                                "INVESTIGATING",
                                started,
                                null,
                                0,
                                started),
                        new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Starta reservrutinen.", started)));
    }

    private long queuedFor(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId", eventId));
    }

    private static Map<String, Long> awaitCopies(String domain, String title, int recipients) {
        return Eventually.until(
                Duration.ofSeconds(60),
                recipients + " recipients @" + domain + " with the outage mail",
                () -> copiesOf(domain, title),
                c -> c.size() >= recipients);
    }

    /** Copies of the outage mail per recipient of the domain. */
    private static Map<String, Long> copiesOf(String domain, String title) {
        return InfraTestResource.infrastructure().mail().received().stream()
                .filter(m -> Mails.subject(m).contains(title))
                .map(FanOutTest::recipient)
                .filter(to -> to.endsWith("@" + domain))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString().toLowerCase();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subscribers without exactly one copy, with how many they have. */
    private static Map<String, Long> notOnce(Map<String, Long> copies, List<String> subscribers) {
        Map<String, Long> wrong = new TreeMap<>();
        for (String s : subscribers) {
            long n = copies.getOrDefault(s, 0L);
            if (n != 1) {
                wrong.put(s, n);
            }
        }
        copies.keySet().stream().filter(k -> !subscribers.contains(k)).forEach(k -> wrong.put(k, copies.get(k)));
        return wrong;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
