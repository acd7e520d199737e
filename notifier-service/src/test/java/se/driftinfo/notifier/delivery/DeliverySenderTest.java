package se.driftinfo.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.Subscribers;

/**
 * The mail queue against the real database and SMTP server: leases between senders, what a failure
 * records, the Message-ID a resend carries, and mail cancelled by unsubscribing.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class DeliverySenderTest {

    @Inject
    DeliverySender sender;

    @Inject
    Deliveries deliveries;

    @Inject
    EntityManager em;

    @Test
    @DisplayName(
            "gap 4: a sender whose lease ran out and was taken over neither sends nor records; the new holder sends once")
    void aSenderThatLostItsLeaseDoesNotSendAgain() {
        String recipient = "lease-" + UUID.randomUUID() + "@hc.example";
        long id = queueNotYetDue(recipient);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // The first sender claimed the row; its batch then outlived the lease, and the second sender
        // claimed the row after the lease ran out: exactly what claim() writes (owner, lease end).
        lease(id, first);
        lease(id, second);

        assertFalse(sender.send(first, id, Instant.now()), "the first sender no longer holds the lease");
        sleep(1000);
        assertEquals(0, Mailbox.to(recipient).size(), "nothing sent by the sender that lost the lease");
        Delivery untouched = find(id);
        assertEquals(Delivery.PENDING, untouched.status);
        assertEquals(0, untouched.attempts);

        assertTrue(sender.send(second, id, Instant.now()));
        Mailbox.await(recipient, 1);
        // A late failure report from the first sender changes nothing either.
        sender.record(first, id, new SmtpFailure("451 4.3.0 try again", false));
        sleep(1000);
        assertEquals(1, Mailbox.to(recipient).size(), "sent once");
        Delivery sent = find(id);
        assertEquals(Delivery.SENT, sent.status);
        assertEquals(1, sent.attempts);
        assertNull(sent.lastError);
    }

    @Test
    @DisplayName(
            "a success is recorded with the next mail's lease re-take, also when that mail is no longer the sender's")
    void aSuccessIsRecordedWithTheNextReTakeEvenWhenThatMailWasLost() {
        long sent = queueNotYetDue("recorded-" + UUID.randomUUID() + "@hc.example");
        long lost = queueNotYetDue("taken-over-" + UUID.randomUUID() + "@hc.example");
        UUID run = UUID.randomUUID();
        lease(sent, run);
        lease(lost, UUID.randomUUID());

        // The SMTP server took `sent`; the run goes on to `lost`, which another run took over meanwhile.
        var next = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.retake(lost, run, Instant.now().plus(Duration.ofHours(1)), sent));

        assertTrue(next.isEmpty(), "the mail another run holds is not this run's to send");
        Delivery recorded = find(sent);
        assertEquals(Delivery.SENT, recorded.status, "the success is recorded all the same");
        assertEquals(1, recorded.attempts);
        assertEquals("", recorded.textBody, "a sent mail keeps no content");
        Delivery untouched = find(lost);
        assertEquals(Delivery.PENDING, untouched.status);
        assertEquals(0, untouched.attempts);
        QuarkusTransaction.requiringNew()
                .run(() -> Delivery.<Delivery>findById(lost).cancel());
    }

    @Test
    @DisplayName("at-least-once: every attempt of a mail carries the same Message-ID, derived from its row")
    void aResentMailCarriesTheSameMessageId() {
        String recipient = "message-id-" + UUID.randomUUID() + "@hc.example";
        long id = queueNotYetDue(recipient);
        Delivery delivery = find(id);
        String expected = "<delivery-" + id + "." + delivery.eventId + "@driftinfo.se>";
        assertEquals(expected, DeliverySender.messageId(delivery, "driftinfo.se"));
        // A crash after the SMTP server took the mail leaves the row pending: the next sender sends the
        // same row again. Two sends of one pending row, as the two attempts would be:
        UUID run = UUID.randomUUID();
        lease(id, run);
        assertTrue(sender.send(run, id, Instant.now()));
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        update delivery set status = 'PENDING', text_body = 'again', html_body = '<p>again</p>'
                        where id = ?1""").setParameter(1, id).executeUpdate());
        assertTrue(sender.send(run, id, Instant.now()));
        List<MimeMessage> both = Mailbox.await(recipient, 2);
        assertEquals(expected, Mails.header(both.get(0), "Message-ID"));
        assertEquals(expected, Mails.header(both.get(1), "Message-ID"), "a mail program shows the copy as one");
    }

    @Test
    @DisplayName(
            "gap 5: a permanent refusal marks the mail FAILED at once with the server's answer; a transient one retries")
    void aPermanentRefusalIsGivenUpAtOnce() {
        long refused = queueNotYetDue("gone-" + UUID.randomUUID() + "@hc.example");
        UUID run = UUID.randomUUID();
        lease(refused, run);
        sender.record(run, refused, new SmtpFailure("550 5.1.1 User unknown", true));
        Delivery failed = find(refused);
        assertEquals(Delivery.FAILED, failed.status, "not retried 50 times");
        assertEquals(1, failed.attempts);
        assertEquals("550 5.1.1 User unknown", failed.lastError);

        long busy = queueNotYetDue("busy-" + UUID.randomUUID() + "@hc.example");
        lease(busy, run);
        Instant before = Instant.now();
        sender.record(run, busy, new SmtpFailure("451 4.3.0 try again later", false));
        Delivery retried = find(busy);
        assertEquals(Delivery.PENDING, retried.status);
        assertEquals(1, retried.attempts);
        assertTrue(retried.nextAttemptAt.isAfter(before), "backs off");
        assertTrue(retried.nextAttemptAt.isBefore(before.plus(Duration.ofMinutes(1))), "retried soon (test backoff)");
        QuarkusTransaction.requiringNew()
                .run(() -> Delivery.<Delivery>findById(busy).cancel());
    }

    @Test
    @DisplayName("gap 6: unsubscribing cancels the mail still queued for the subscription; it is never sent")
    void unsubscribingCancelsQueuedMail() {
        String region = Subscribers.newRegion();
        String email = "storuman-" + UUID.randomUUID() + "@hc.example";
        Subscribers.subscribeAndConfirm(email, region, List.of(), "sv");
        String unsubscribe;
        var mailServer = InfraTestResource.infrastructure().mail();
        // With SMTP down the outage mail stays queued.
        mailServer.close();
        try {
            UUID outageId = UUID.randomUUID();
            Instant started = Instant.parse("2027-02-03T08:12:00Z");
            Events.publish(
                    Topics.INCIDENTS,
                    outageId.toString(),
                    EventTypes.OUTAGE_DECLARED,
                    new OutageEventV1(
                            new OutageV1(
                                    outageId,
                                    "DS-2027-000099",
                                    "Cosmic nere",
                                    region,
                                    List.of("cosmic"),
                                    "OUTAGE",
                                    "INVESTIGATING",
                                    started,
                                    null,
                                    0,
                                    started),
                            new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Vi felsöker.", started)));
            Delivery queued = Eventually.until(
                    Duration.ofSeconds(20),
                    "the outage mail queued",
                    () -> QuarkusTransaction.requiringNew()
                            .call(() -> Delivery.<Delivery>find("recipient = ?1 and kind = 'OUTAGE_DECLARED'", email)
                                    .firstResult()),
                    d -> d != null);
            assertEquals(Delivery.PENDING, queued.status);
            unsubscribe = queued.unsubscribeUrl.substring(Subscribers.PUBLIC_URL.length());

            given().contentType("application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click")
                    .when()
                    .post(unsubscribe)
                    .then()
                    .statusCode(200);

            Delivery cancelled = find(queued.id);
            assertEquals(Delivery.CANCELLED, cancelled.status, "cancelled in the unsubscribing transaction");
            assertEquals("", cancelled.textBody);
        } finally {
            mailServer.start();
        }
        sleep(3000);
        assertEquals(
                0,
                Mailbox.to(email).stream()
                        .filter(m -> Mails.subject(m).contains("Cosmic nere"))
                        .count(),
                "the cancelled mail never arrived");
    }

    @Test
    void anotherActiveSubscriptionOfTheAddressKeepsTheMailItMayWant() {
        String region = Subscribers.newRegion();
        String email = "sorsele-" + UUID.randomUUID() + "@hc.example";
        Subscribers.subscribeAndConfirm(email, region, List.of("cosmic"), "sv");
        Subscribers.confirm(Subscribers.subscribe(email, region, List.of(), "sv", 2));
        UUID firstId = QuarkusTransaction.requiringNew()
                .call(() -> (UUID)
                        em.createNativeQuery("select id from subscription where email = ?1 and systems = ',cosmic,'")
                                .setParameter(1, email)
                                .getSingleResult());
        UUID secondId = QuarkusTransaction.requiringNew()
                .call(() ->
                        (UUID) em.createNativeQuery("select id from subscription where email = ?1 and systems = ','")
                                .setParameter(1, email)
                                .getSingleResult());
        long id = queueNotYetDue(email, firstId);

        QuarkusTransaction.requiringNew().run(() -> deliveries.cancelQueuedFor(firstId, secondId));

        Delivery kept = find(id);
        assertEquals(Delivery.PENDING, kept.status);
        assertEquals(secondId, kept.subscriptionId);
        QuarkusTransaction.requiringNew()
                .run(() -> Delivery.<Delivery>findById(id).cancel());
    }

    @Test
    @DisplayName("#14: the mail due longest is claimed first, however much mail was queued or sent after it")
    void theMailDueLongestIsClaimedFirst() {
        // One transaction, rolled back: the scheduled sender never sees these rows, nor the lease.
        QuarkusTransaction.begin();
        try {
            // A burst queued and sent thousands of mails (sent mail stays, for its unique key), and a
            // mail retried after a failure is due again since long before any of them.
            em.createNativeQuery("""
                            insert into delivery (event_id, recipient, kind, subject, text_body, html_body, status,
                                attempts, next_attempt_at, created_at)
                            select gen_random_uuid(), 'burst-' || g || '@hc.example', 'FAULT_REPORT_RECEIVED',
                                'Kvitto', 'text', '<p>html</p>', case when g <= 2000 then 'SENT' else 'PENDING' end,
                                0, now() - interval '1 minute', now()
                            from generate_series(1, 4000) g""").executeUpdate();
            long retried = queue(
                    "retried-" + UUID.randomUUID() + "@hc.example",
                    Instant.now().minus(Duration.ofDays(1)));

            List<Long> claimed = deliveries.claim(
                    UUID.randomUUID(), Instant.now(), Instant.now().plus(Duration.ofHours(1)), 1);

            // By id it would be the burst's first pending mail: the retried one would wait behind them all,
            // and finding that one meant reading every mail sent before it (69 ms with 100,000).
            assertEquals(List.of(retried), claimed);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Queues a mail to {@code recipient} due at {@code due}, in the caller's transaction. */
    private long queue(String recipient, Instant due) {
        return queue(recipient, null, due);
    }

    private long queue(String recipient, UUID subscriptionId, Instant due) {
        UUID eventId = UUID.randomUUID();
        deliveries.enqueue(
                eventId,
                recipient,
                subscriptionId,
                new RenderedMail(MailKind.OUTAGE_UPDATED, "Test", "text", "<p>html</p>", null, null, null));
        em.createNativeQuery("update delivery set next_attempt_at = ?1 where event_id = ?2")
                .setParameter(1, due)
                .setParameter(2, eventId)
                .executeUpdate();
        return ((Number) em.createNativeQuery("select id from delivery where event_id = ?1")
                        .setParameter(1, eventId)
                        .getSingleResult())
                .longValue();
    }

    /** A pending mail to {@code recipient} that the scheduled sender leaves alone (due in an hour). */
    private long queueNotYetDue(String recipient) {
        return queueNotYetDue(recipient, null);
    }

    private long queueNotYetDue(String recipient, UUID subscriptionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> queue(recipient, subscriptionId, Instant.now().plus(Duration.ofHours(1))));
    }

    /** What claim() writes for the run that claims a row: the owner and the lease's end (an hour on). */
    private void lease(long id, UUID run) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update delivery set lease_owner = ?1, next_attempt_at = ?2 where id = ?3")
                .setParameter(1, run)
                .setParameter(2, Instant.now().plus(Duration.ofHours(1)))
                .setParameter(3, id)
                .executeUpdate());
    }

    private static Delivery find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
