package se.driftinfo.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.Subscribers;
import se.driftinfo.notifier.Subscribers.Links;
import se.driftinfo.notifier.reminder.ReminderPlanner;

/** Subscriptions and mail, end to end: Kafka in, real SMTP out. Each test has a region of its own. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class NotificationMailTest {

    private static String newRegion() {
        return Subscribers.newRegion();
    }

    private static Links subscribeAndConfirm(String email, String region, List<String> systems, String language) {
        return Subscribers.subscribeAndConfirm(email, region, systems, language);
    }

    private static io.restassured.response.Response post(Map<String, Object> body) {
        return Subscribers.post(body);
    }

    static final String PUBLIC_URL = "http://localhost:8083";

    @Inject
    ReminderPlanner reminders;

    @Test
    void subscriberConfirmsThenGetsAnInvitationAndLeavesWithOneClick() {
        String region = newRegion();
        String email = "kiruna-" + UUID.randomUUID() + "@hc.example";
        String other = "lulea-" + UUID.randomUUID() + "@hc.example";
        Links links = subscribeAndConfirm(email, region, List.of("cosmic"), "sv");
        String feedToken = links.feed();
        subscribeAndConfirm(other, region, List.of(), "en");
        String pending = "haparanda-" + UUID.randomUUID() + "@hc.example";
        post(Map.of("email", pending, "regions", List.of(region), "systems", List.of(), "language", "sv"))
                .then()
                .statusCode(202);
        Mailbox.await(pending, 1);
        given().when()
                .get("/feeds/s/" + feedToken + ".ics")
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/calendar"));

        UUID windowId = UUID.randomUUID();
        LocalDateTime start = LocalDateTime.of(2027, 1, 20, 17, 0);
        WindowV1 window = Events.window(
                windowId,
                0,
                region,
                List.of("cosmic"),
                start,
                start.plusHours(6),
                "FREQ=MONTHLY;BYDAY=3WE",
                List.of(),
                Instant.parse("2026-12-01T09:00:00Z"));
        Events.window(EventTypes.WINDOW_SCHEDULED, window, null);

        MimeMessage invitation = Mailbox.await(email, 2).get(1);
        Mailbox.await(other, 2);
        assertEquals(1, Mailbox.to(pending).size(), "an unconfirmed address gets nothing but the confirmation");
        assertTrue(Mails.subject(invitation).startsWith("Planerat underhåll: FU-stopp"), Mails.subject(invitation));
        assertTrue(Mails.header(invitation, "List-Unsubscribe")
                .startsWith("<" + PUBLIC_URL + "/subscriptions/unsubscribe/"));
        assertEquals("List-Unsubscribe=One-Click", Mails.header(invitation, "List-Unsubscribe-Post"));
        var calendarPart = Mails.part(invitation, "text/calendar").orElseThrow();
        assertTrue(Mails.contentType(calendarPart).toLowerCase().contains("method=request"));
        String ics = Mails.text(calendarPart).replace("\r\n ", "");
        assertTrue(ics.contains("METHOD:REQUEST\r\n"));
        assertTrue(
                ics.contains("UID:window-" + windowId + "-mail@driftinfo.se\r\n"), "a UID of its own, not the feed's");
        assertTrue(ics.contains("ORGANIZER;CN=Driftinfo:mailto:driftinfo@driftinfo.se\r\n"));
        assertTrue(ics.contains("ATTENDEE;RSVP=FALSE:mailto:" + email + "\r\n"));
        assertTrue(ics.contains("RRULE:FREQ=MONTHLY;BYDAY=3WE\r\n"));
        assertValidItip(Mails.text(calendarPart));
        String body = Mails.text(Mails.part(invitation, "text/plain").orElseThrow());
        assertTrue(body.contains("onsdag 20 januari 2027 kl. 17:00–23:00"), "upcoming dates in Swedish: " + body);
        assertTrue(body.contains("onsdag 17 februari 2027 kl. 17:00–23:00"), body);
        Eventually.until(
                Duration.ofSeconds(10),
                "the window in the private feed",
                () -> given().get("/feeds/s/" + feedToken + ".ics").asString().replace("\r\n ", ""),
                feed -> feed.contains("UID:window-" + windowId + "@driftinfo.se"));

        String unsubscribe = Mails.header(invitation, "List-Unsubscribe")
                .replaceAll("[<>]", "")
                .substring(PUBLIC_URL.length());
        String unsubscribeToken = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1);
        // Gap 15: the unsubscribe token is in every mail's header; it must not take the feed away.
        Forms.form()
                .when()
                .post("/subscriptions/renew-feed/" + unsubscribeToken)
                .then()
                .statusCode(404);
        given().when().get("/feeds/s/" + feedToken + ".ics").then().statusCode(200);
        // The manage link from the confirmation mail renews it: a GET shows the button, the POST acts.
        given().when()
                .get("/subscriptions/renew-feed/" + links.manage())
                .then()
                .statusCode(200)
                .body(containsString("<form method=\"post\""));
        given().when().get("/feeds/s/" + feedToken + ".ics").then().statusCode(200);
        String renewed = Forms.form()
                .when()
                .post("/subscriptions/renew-feed/" + links.manage())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher newFeed = Pattern.compile("/feeds/s/([A-Za-z0-9_-]{43})\\.ics").matcher(renewed);
        assertTrue(newFeed.find(), renewed);
        given().when().get("/feeds/s/" + feedToken + ".ics").then().statusCode(404);
        given().when().get("/feeds/s/" + newFeed.group(1) + ".ics").then().statusCode(200);

        // A mail provider's one-click unsubscribe (RFC 8058) has no CSRF cookie: the URL's secret suffices.
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .when()
                .post(unsubscribe)
                .then()
                .statusCode(200);
        given().when().get("/feeds/s/" + newFeed.group(1) + ".ics").then().statusCode(404);

        Events.window(
                EventTypes.WINDOW_CANCELLED,
                new WindowV1(
                        windowId,
                        1,
                        "FU-stopp",
                        null,
                        region,
                        List.of("cosmic"),
                        "Europe/Stockholm",
                        start,
                        start.plusHours(6),
                        "FREQ=MONTHLY;BYDAY=3WE",
                        "CANCELLED",
                        List.of(),
                        null,
                        Instant.parse("2026-12-02T09:00:00Z")),
                null);
        MimeMessage cancel = Mailbox.await(other, 3).get(2);
        assertEquals("Maintenance cancelled: FU-stopp", Mails.subject(cancel));
        var cancelPart = Mails.part(cancel, "text/calendar").orElseThrow();
        assertTrue(Mails.contentType(cancelPart).toLowerCase().contains("method=cancel"));
        assertTrue(Mails.text(cancelPart).contains("STATUS:CANCELLED"));
        assertValidItip(Mails.text(cancelPart));
        assertEquals(2, Mailbox.to(email).size(), "the unsubscribed address got nothing more");
    }

    @Test
    void redeliveredEventSendsNoSecondMail() {
        String region = newRegion();
        String email = "gallivare-" + UUID.randomUUID() + "@hc.example";
        subscribeAndConfirm(email, region, List.of("cosmic"), "sv");
        UUID outageId = UUID.randomUUID();
        Instant started = Instant.parse("2027-02-03T08:12:00Z");
        OutageV1 outage = new OutageV1(
                outageId,
                "DS-2027-000042",
                "Cosmic svarar inte",
                region,
                List.of("cosmic"),
                "OUTAGE",
                "INVESTIGATING",
                started,
                null,
                0,
                started);
        OutageEventV1 declared =
                new OutageEventV1(outage, new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Vi felsöker.", started));
        UUID eventId = UUID.randomUUID();
        Events.publish(eventId, Topics.INCIDENTS, outageId.toString(), EventTypes.OUTAGE_DECLARED, declared);
        Events.publish(eventId, Topics.INCIDENTS, outageId.toString(), EventTypes.OUTAGE_DECLARED, declared);
        // A later event of the same outage: once its mail is here, the redelivery has been handled too.
        OutageV1 resolved = new OutageV1(
                outageId,
                "DS-2027-000042",
                "Cosmic svarar inte",
                region,
                List.of("cosmic"),
                "OUTAGE",
                "RESOLVED",
                started,
                started.plusSeconds(3600),
                1,
                started.plusSeconds(3600));
        Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_RESOLVED,
                new OutageEventV1(
                        resolved,
                        new OutageEventV1.StatusUpdateV1("RESOLVED", "Åtgärdat.", started.plusSeconds(3600))));

        List<MimeMessage> mails = Mailbox.await(email, 3);
        sleep(1500);
        mails = Mailbox.to(email);
        assertEquals(3, mails.size(), "confirmation, declared once, resolved");
        assertEquals("Driftstörning: Cosmic svarar inte", Mails.subject(mails.get(1)));
        String declaredText = Mails.text(Mails.part(mails.get(1), "text/plain").orElseThrow());
        assertTrue(declaredText.contains("Starta er reservrutin"), declaredText);
        assertTrue(declaredText.contains("Status: Felsökning pågår"), "the status in words: " + declaredText);
        assertFalse(declaredText.contains("INVESTIGATING"), declaredText);
        assertEquals("Åtgärdad driftstörning: Cosmic svarar inte", Mails.subject(mails.get(2)));
        String resolvedText = Mails.text(Mails.part(mails.get(2), "text/plain").orElseThrow());
        assertTrue(resolvedText.contains("Ni kan avsluta reservrutinen"), resolvedText);
        assertTrue(resolvedText.contains("Status: Åtgärdad"), resolvedText);
        String resolvedHtml = Mails.text(Mails.part(mails.get(2), "text/html").orElseThrow());
        assertTrue(resolvedHtml.contains("Status: Åtgärdad"), resolvedHtml);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("eventId = ?1 and recipient = ?2", eventId, email)));
    }

    @Test
    void mailQueuedWhileSmtpIsDownIsSentWhenItIsBack() {
        String region = newRegion();
        String email = "pitea-" + UUID.randomUUID() + "@hc.example";
        subscribeAndConfirm(email, region, List.of(), "en");
        var mailServer = InfraTestResource.infrastructure().mail();
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
                                    "DS-2027-000043",
                                    "TakeCare down",
                                    region,
                                    List.of("takecare"),
                                    "OUTAGE",
                                    "INVESTIGATING",
                                    started,
                                    null,
                                    0,
                                    started),
                            new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Investigating.", started)));
            Delivery failing = Eventually.until(
                    Duration.ofSeconds(20),
                    "failed attempts",
                    () -> QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                                    "recipient = ?1 and kind = ?2", email, "OUTAGE_DECLARED")
                            .firstResult()),
                    d -> d != null && d.attempts >= 2);
            assertEquals(Delivery.PENDING, failing.status);
            assertTrue(failing.lastError != null && !failing.lastError.isBlank());
        } finally {
            mailServer.start();
        }
        // An attempt that hits the server while it restarts can hang until the 30 s socket timeout;
        // the next retry then delivers. Hence the long wait.
        MimeMessage mail = Eventually.until(
                        Duration.ofSeconds(75),
                        "the mail after SMTP is back",
                        () -> Mailbox.to(email),
                        m -> !m.isEmpty())
                .get(0);
        assertEquals("Outage: TakeCare down", Mails.subject(mail));
        assertTrue(Mails.text(Mails.part(mail, "text/plain").orElseThrow()).contains("Start your reserve routine"));
        // The sender records the send after the SMTP server has taken the mail: wait for that commit too.
        Delivery sent = Eventually.until(
                Duration.ofSeconds(10),
                "the delivery recorded as sent",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> Delivery.<Delivery>find("recipient = ?1 and kind = ?2", email, "OUTAGE_DECLARED")
                                .firstResult()),
                d -> Delivery.SENT.equals(d.status));
        assertEquals(Delivery.SENT, sent.status);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("driftinfo_deliveries{status=\"PENDING\"}"));
    }

    @Test
    void reminderForAnOccurrenceIsSentOnce() {
        String region = newRegion();
        String email = "boden-" + UUID.randomUUID() + "@hc.example";
        subscribeAndConfirm(email, region, List.of("cosmic"), "sv");
        UUID windowId = UUID.randomUUID();
        LocalDateTime start = LocalDateTime.of(2027, 6, 10, 8, 0);
        Events.window(
                EventTypes.WINDOW_SCHEDULED,
                Events.window(
                        windowId,
                        0,
                        region,
                        List.of("cosmic"),
                        start,
                        start.plusHours(2),
                        null,
                        List.of(),
                        Instant.parse("2027-01-01T00:00:00Z")),
                null);
        Mailbox.await(email, 2); // confirmation and "scheduled"
        Instant occurrence = start.atZone(ZoneId.of("Europe/Stockholm")).toInstant();

        // Other tests' subscribers may get reminders at these instants too: count this address's only.
        reminders.plan(occurrence.minus(Duration.ofDays(8)));
        assertEquals(0, reminderRows(email), "nothing due 8 days before");
        Instant dayBefore = occurrence.minus(Duration.ofDays(1)).plusSeconds(60);
        reminders.plan(dayBefore);
        assertEquals(1, reminderRows(email));
        reminders.plan(dayBefore);
        reminders.plan(dayBefore.plusSeconds(600));
        assertEquals(1, reminderRows(email), "later runs in the same period queue nothing");
        List<MimeMessage> mails = Mailbox.await(email, 3);
        // Gap 7: the subject says how soon.
        assertEquals(
                "Påminnelse: FU-stopp i morgon, torsdag 10 juni 2027 kl. 08:00–10:00", Mails.subject(mails.get(2)));
        reminders.plan(occurrence.minus(Duration.ofMinutes(59)));
        assertEquals(2, reminderRows(email), "the 1-hour reminder is a separate one");
        reminders.plan(occurrence.plusSeconds(1));
        assertEquals(2, reminderRows(email), "nothing once it has started");
        mails = Mailbox.await(email, 4);
        assertEquals(
                "Påminnelse: FU-stopp om 1 timme, torsdag 10 juni 2027 kl. 08:00–10:00", Mails.subject(mails.get(3)));
        sleep(1500);
        assertEquals(
                2,
                Mailbox.to(email).stream()
                        .filter(m -> Mails.subject(m).startsWith("Påminnelse"))
                        .count());
    }

    @Test
    void faultReportIsAcknowledgedToTheReporterInTheirLanguage() {
        String email = "reception-" + UUID.randomUUID() + "@hc.example";
        UUID reportId = UUID.randomUUID();
        Instant at = Instant.parse("2027-02-03T08:20:00Z");
        var report = new FaultReportEventV1.FaultReportV1(
                reportId,
                "FR-2027-000123",
                "SE2321000230-1234",
                "Health centre Kiruna",
                email,
                "en",
                "norrbotten",
                "cosmic",
                "HIGH",
                null,
                "NEW",
                null,
                at,
                at);
        Events.publish(
                Topics.INCIDENTS,
                reportId.toString(),
                EventTypes.FAULT_REPORT_RECEIVED,
                new FaultReportEventV1(report, null));
        MimeMessage ack = Mailbox.await(email, 1).get(0);
        assertEquals("We have received your fault report FR-2027-000123", Mails.subject(ack));
        var changed = new FaultReportEventV1.FaultReportV1(
                reportId,
                "FR-2027-000123",
                "SE2321000230-1234",
                "Health centre Kiruna",
                email,
                "en",
                "norrbotten",
                "cosmic",
                "HIGH",
                "P1",
                "WAITING_FOR_REPORTER",
                null,
                at,
                at.plusSeconds(600));
        Events.publish(
                Topics.INCIDENTS,
                reportId.toString(),
                EventTypes.FAULT_REPORT_STATUS_CHANGED,
                new FaultReportEventV1(changed, null));
        MimeMessage status = Mailbox.await(email, 2).get(1);
        assertEquals("Your fault report FR-2027-000123: status update", Mails.subject(status));
        String text = Mails.text(Mails.part(status, "text/plain").orElseThrow());
        assertTrue(text.contains("has a new status: waiting for your reply."), text);
        assertFalse(text.contains("WAITING_FOR_REPORTER"), "the status in words, not the raw value: " + text);
    }

    @Test
    void invalidSubscriptionIsAProblemNamingTheField() {
        String region = newRegion();
        post(Map.of("email", "a@hc.example", "regions", List.of("gotland"), "systems", List.of(), "language", "sv"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalid-params.name", hasItem("regions[0]"));
        post(Map.of(
                        "email",
                        "a@hc.example",
                        "regions",
                        List.of(region),
                        "systems",
                        List.of("pascal"),
                        "language",
                        "sv"))
                .then()
                .statusCode(400)
                .body("invalid-params.name", hasItem("systems[0]"));
        post(Map.of("email", "not-an-address", "regions", List.of(region), "systems", List.of(), "language", "de"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalid-params.name", hasItem("email"))
                .body("invalid-params.name", hasItem("language"));
        given().contentType("application/json")
                .body("{\"email\": ")
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        Forms.form()
                .when()
                .post("/subscriptions/confirm/not-a-token")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void repeatedRequestsForOneAddressAreCappedSoTheFormCannotFloodAMailbox() {
        String region = newRegion();
        String email = "stranger-" + UUID.randomUUID() + "@hc.example";
        for (int i = 0; i < 5; i++) {
            post(Map.of("email", email, "regions", List.of(region), "systems", List.of(), "language", "sv"))
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("PENDING"));
        }
        Mailbox.await(email, 3);
        sleep(2500);
        assertEquals(3, Mailbox.to(email).size());
    }

    /** iCal4j validates against the rules of the calendar's METHOD (RFC 5546 REQUEST or CANCEL). */
    private static void assertValidItip(String ics) {
        try {
            var validation = new net.fortuna.ical4j.data.CalendarBuilder()
                    .build(new java.io.StringReader(ics))
                    .validate();
            assertTrue(!validation.hasErrors(), "iTIP validation: " + validation);
        } catch (Exception e) {
            throw new AssertionError("Unreadable calendar in mail: " + e.getMessage() + "\n" + ics, e);
        }
    }

    private static long reminderRows(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("recipient = ?1 and kind = 'WINDOW_REMINDER'", email));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
