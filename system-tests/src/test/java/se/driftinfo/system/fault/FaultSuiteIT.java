package se.driftinfo.system.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.infra.KafkaTestClient;
import se.driftinfo.infra.MailServer;
import se.driftinfo.infra.ServiceProcess;
import se.driftinfo.system.RunningSystem;
import se.driftinfo.system.fault.DriftinfoApi.Attempt;

/**
 * Issue #15's fault suite: the packaged services as separate processes on a real broker, database
 * and SMTP server, each case breaking one of them the way production breaks, then checking what
 * clinics and the helpdesk would notice. Every case ends with every expected mail in its recipient's
 * mailbox exactly once (or, where the guarantee is at least once, the second copy recognisable by its
 * Message-ID), every accepted fault report in the helpdesk queue, no event on a dead-letter topic, and
 * readiness telling the truth during and after.
 *
 * <p>One {@link FaultSystem} for the whole class, separate from the shared one. Each case uses its own
 * region and system, so their mails and reports cannot mix; after each case {@link FaultSystem#heal()}
 * puts back whatever a failed case left broken.
 */
@ExtendWith(RunningSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static FaultSystem faults;
    private static long suiteStarted;

    private Map<String, Long> deadLetteredBefore;
    private long caseStarted;

    @BeforeAll
    static void startFaultSystem() throws Exception {
        suiteStarted = System.nanoTime();
        faults = FaultSystem.start();
    }

    @AfterAll
    static void stopFaultSystem() {
        if (faults != null) {
            faults.close();
        }
        FaultLog.line("fault suite took %.1f s in all", (System.nanoTime() - suiteStarted) / 1e9);
    }

    @BeforeEach
    void note(TestInfo test) {
        caseStarted = System.nanoTime();
        FaultLog.line("=== %s", test.getDisplayName());
        deadLetteredBefore = faults.deadLettered();
    }

    @AfterEach
    void heal(TestInfo test) throws Exception {
        faults.heal();
        FaultLog.line("=== %s: %.1f s", test.getDisplayName(), (System.nanoTime() - caseStarted) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------
    // a. The broker stopped and started again in the middle of a 2,000-recipient fan-out.

    @Test
    @Order(1)
    void a_brokerRestartMidFanOutMailsEachOfTwoThousandSubscribersOnceAndLosesNoReport() throws Exception {
        String region = "dalarna";
        String system = "sema-200";
        int n = 2000;
        List<String> subscribers = Subscribers.seed(faults, "fanout-a", "case-a.example", region, system, n);
        FaultLog.line(
                "a: %d confirmed subscribers of %s/%s (1 through the API, %d copied in SQL)", n, region, system, n - 1);
        String title = "Sema 200 svarar inte (fault suite a)";
        String subject = "Outage: " + title;
        Predicate<String> caseA = to -> to.endsWith("@case-a.example");

        String outage = DriftinfoApi.declareOutage(faults.url(FaultSystem.INCIDENT), title, region, system);
        int underWay = Poll.until(
                "the fan-out to be under way (50 of " + n + " mails out)",
                Duration.ofSeconds(120),
                () -> faults.mailbox.mails(caseA, subject).size(),
                sent -> sent >= 50);
        faults.infra().kafka().stop();
        int atStop = faults.mailbox.mails(caseA, subject).size();
        FaultLog.line(
                "a: broker stopped; %d mails were out when it was asked to stop, %d when it had", underWay, atStop);
        assertTrue(atStop < n, "the broker should stop in the middle of the fan-out, but all " + n + " were out");

        // While the broker is down: the services stay ready (they serve pages, feeds and the form from
        // their databases), the helpdesk's update and fault reports are accepted into the outbox, and
        // mail keeps going out.
        String updateSubject = "Outage update: " + title;
        DriftinfoApi.updateOutage(
                faults.url(FaultSystem.INCIDENT), outage, "Leverantören startar om servrarna (fault suite a).");
        Map<String, String> references = new LinkedHashMap<>();
        List<Attempt> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i <= 3; i++) {
            String email = "report-a-" + i + "@case-a-reports.example";
            references.put(
                    DriftinfoApi.reportUntilAccepted(faults.url(FaultSystem.INCIDENT), email, region, system, seen),
                    email);
        }
        assertOnlyAcceptedOrLimited("reports while the broker is down", seen);
        Poll.holds(
                "readiness of every service while the broker is down (it serves without Kafka)",
                Duration.ofSeconds(6),
                faults::readiness,
                r -> FaultSystem.all(r, 200));
        DriftinfoApi.anonymous(faults.url(FaultSystem.NOTIFIER))
                .get("/feeds/regions/" + region + ".ics")
                .then()
                .statusCode(200);
        int duringOutage = Poll.until(
                "mail to keep going out while the broker is down",
                Duration.ofSeconds(30),
                () -> faults.mailbox.mails(caseA, subject).size(),
                sent -> sent > atStop || sent == n);
        FaultLog.line(
                "a: while the broker was down: an outage update and 3 reports accepted, all ready, %d mails out",
                duringOutage);

        faults.infra().kafka().start();
        FaultLog.line("a: broker started again (same port, same data)");

        Map<String, Long> copies = Poll.until(
                "every one of the " + n + " subscribers to have the outage mail once",
                // One notifier sends one mail after another: 50 a second on an idle 2-core machine,
                // down to 4 a second when other builds load it.
                Duration.ofSeconds(120 + n / 4),
                () -> faults.mailbox.copiesPerRecipient(caseA, subject),
                c -> c.size() >= n);
        assertEquals(Map.of(), Mailbox.notExactlyOnce(copies, subscribers), "outage mails not received exactly once");
        // The update waited in the outbox while the broker was down: a second fan-out, once each.
        Map<String, Long> updates = Poll.until(
                "every one of the " + n + " subscribers to have the update written while the broker was down",
                Duration.ofSeconds(120 + n / 4),
                () -> faults.mailbox.copiesPerRecipient(caseA, updateSubject),
                c -> c.size() >= n);
        assertEquals(Map.of(), Mailbox.notExactlyOnce(updates, subscribers), "update mails not received exactly once");
        assertReportsArrived("a", region, references);
        Poll.holds(
                "no second copy of the outage mail or the update",
                Duration.ofSeconds(4),
                () -> {
                    Map<String, Long> wrong = new TreeMap<>(
                            Mailbox.notExactlyOnce(faults.mailbox.copiesPerRecipient(caseA, subject), subscribers));
                    wrong.putAll(Mailbox.notExactlyOnce(
                            faults.mailbox.copiesPerRecipient(caseA, updateSubject), subscribers));
                    return wrong;
                },
                Map::isEmpty);
        assertNothingDeadLettered();
        faults.awaitAllReady("after the broker restart");
    }

    // ---------------------------------------------------------------------------------------------
    // b. PostgreSQL restarted while reports are submitted and events consumed.

    @Test
    @Order(2)
    void b_databaseRestartLosesNoAcceptedReportAndConsumersRetryInsteadOfDeadLettering() throws Exception {
        String region = "varmland";
        String system = "rgs-webb";
        String incident = faults.url(FaultSystem.INCIDENT);
        Map<String, String> accepted = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Attempt> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean submitting = new AtomicBoolean(true);
        CompletableFuture<Void> clinic = CompletableFuture.runAsync(() -> {
            for (int i = 1; submitting.get(); i++) {
                String email = "report-b-" + i + "@case-b.example";
                accepted.put(DriftinfoApi.reportUntilAccepted(incident, email, region, system, seen), email);
                Poll.pause(Duration.ofMillis(150));
            }
        });
        Poll.until(
                "3 reports accepted before the restart",
                Duration.ofSeconds(60),
                () -> accepted.size() >= 3 || clinic.isDone());

        faults.infra().postgres().stop();
        int acceptedBefore = accepted.size();
        int attemptsBefore = seen.size();
        FaultLog.line("b: PostgreSQL stopped (%d reports accepted so far)", acceptedBefore);

        // Events that reach the notifier while its database is down: it must retry them, not give up.
        Map<String, String> published = publishFaultReportEvents(region, system, 3);
        FaultLog.line("b: %d fault report events published while the database is down", published.size());
        Map<String, Integer> down = Poll.until(
                "every service to report itself not ready while its database is down",
                Duration.ofSeconds(30),
                faults::readiness,
                r -> FaultSystem.all(r, 503));
        Poll.until(
                "the clinic to have tried at least twice during the outage",
                Duration.ofSeconds(30),
                () -> seen.size() - attemptsBefore >= 2);
        // The fault itself: the database stays down at least this long, whatever the test observed.
        Poll.pause(Duration.ofSeconds(3));
        faults.infra().postgres().start();
        FaultLog.line("b: PostgreSQL started again; readiness while down was %s", down);
        faults.awaitAllReady("after the database restart");

        Poll.until(
                "3 more reports accepted after the restart",
                Duration.ofSeconds(90),
                () -> accepted.size() >= acceptedBefore + 3 || clinic.isDone());
        submitting.set(false);
        clinic.get();
        Map<Integer, Long> statuses =
                seen.stream().collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
        FaultLog.line(
                "b: %d reports accepted in %d attempts; answers by status: %s (0 = no answer)",
                accepted.size(), seen.size(), statuses);
        // The restart may fall between a mail's sending and its recording: at least once, recognisable.
        assertReportsArrived("b", region, new LinkedHashMap<>(accepted), true);
        assertAcknowledged("b: events consumed while the database was down", published, true);
        assertNothingDeadLettered();
        // Last, so that a wrong status does not hide whether anything was lost.
        List<Attempt> refused = seen.stream()
                .filter(a -> !a.accepted() && !(a.status() == 0 || a.status() == 503 || a.status() == 429))
                .toList();
        assertEquals(
                List.of(),
                refused,
                "during the restart a client may see 503 (try again) or no answer; never 500, a 4xx or a lost 201");
    }

    // ---------------------------------------------------------------------------------------------
    // c. The SMTP server refusing for a while (connections refused, 421, 451), then recovering; then
    //    a permanent refusal (550) for one recipient.

    @Test
    @Order(3)
    void c_smtpRefusingForAWhileDeliversOnceAndAPermanentRefusalIsNotRetried() throws Exception {
        String region = "kronoberg";
        String system = "tele-q";
        MailServer mail = faults.mail();
        List<String> subscribers = Subscribers.seed(faults, "smtp-c", "case-c.example", region, system, 5);
        String bounce = subscribers.get(4);
        String title = "Tele-Q svarar inte (fault suite c)";
        String subject = "Outage: " + title;
        Predicate<String> caseC = to -> to.endsWith("@case-c.example");

        mail.refuse(MailServer.Refusal.CONNECTIONS);
        String outage = DriftinfoApi.declareOutage(faults.url(FaultSystem.INCIDENT), title, region, system);
        Map<Long, Integer> tries =
                awaitEveryDeliveryTried(subject, subscribers.size(), Map.of(), Duration.ofSeconds(60));
        FaultLog.line("c: connections refused: each of %d mails tried and kept pending %s", tries.size(), tries);
        assertNotifierReady("while the SMTP server refuses connections");

        mail.refuse(MailServer.Refusal.SERVICE_UNAVAILABLE);
        // Bounded generously: a sender that misses a 421 greeting waits for an SMTP step's timeout
        // (driftinfo.smtp.timeout) before the next mail is tried.
        tries = awaitEveryDeliveryTried(subject, subscribers.size(), tries, Duration.ofSeconds(100));
        FaultLog.line("c: 421 service not available: each tried again %s", tries);

        Map<String, Integer> named = subscribers.stream().collect(Collectors.toMap(s -> s, mail::recipientAttempts));
        mail.refuse(MailServer.Refusal.TRY_AGAIN_LATER);
        Poll.until("each recipient to be tried and told 451", Duration.ofSeconds(30), () -> subscribers.stream()
                .allMatch(s -> mail.recipientAttempts(s) > named.get(s)));
        assertNotifierReady("while the SMTP server answers 451");
        assertEquals(Map.of(), faults.mailbox.copiesPerRecipient(caseC, subject), "no mail gets through while refused");

        mail.refuse(MailServer.Refusal.NONE);
        FaultLog.line("c: SMTP server accepts again");
        Map<String, Long> copies = Poll.until(
                "each subscriber to have the outage mail once the server recovered",
                Duration.ofSeconds(60),
                () -> faults.mailbox.copiesPerRecipient(caseC, subject),
                c -> c.size() >= subscribers.size());
        assertEquals(Map.of(), Mailbox.notExactlyOnce(copies, subscribers), "outage mails not received exactly once");
        Poll.holds(
                "no second copy after the refusals",
                Duration.ofSeconds(3),
                () -> Mailbox.notExactlyOnce(faults.mailbox.copiesPerRecipient(caseC, subject), subscribers),
                Map::isEmpty);

        // Permanent: one clinic's mailbox no longer exists.
        mail.rejectPermanently(bounce);
        int triedBefore = mail.recipientAttempts(bounce);
        String updateSubject = "Outage update: " + title;
        DriftinfoApi.updateOutage(faults.url(FaultSystem.INCIDENT), outage, "Leverantören felsöker (fault suite c).");
        List<String> others = subscribers.subList(0, 4);
        Map<String, Long> updates = Poll.until(
                "the other subscribers to have the update once",
                Duration.ofSeconds(60),
                () -> faults.mailbox.copiesPerRecipient(caseC, updateSubject),
                c -> c.keySet().containsAll(others));
        assertEquals(Map.of(), Mailbox.notExactlyOnce(updates, others), "update mails to the others");
        Poll.until(
                "the refused mail to be tried once",
                Duration.ofSeconds(30),
                () -> mail.recipientAttempts(bounce) > triedBefore);
        // Enough time for several retries at this system's 1 s backoff: none may come.
        Poll.holds(
                "no retry of the permanently refused mail to " + bounce,
                Duration.ofSeconds(8),
                () -> mail.recipientAttempts(bounce) - triedBefore,
                tried -> tried <= 1);
        List<Map<String, Object>> row = faults.query(
                "notifier",
                "select status, attempts, last_error from delivery where recipient = ? and subject = ?",
                bounce,
                updateSubject);
        FaultLog.line(
                "c: 550 for %s: tried %d time(s) in 8 s; delivery row %s",
                bounce, mail.recipientAttempts(bounce) - triedBefore, row);
        assertEquals(1, row.size(), "one delivery row for the refused mail");
        assertEquals("FAILED", row.get(0).get("status"), "a permanent refusal is recorded as failed: " + row);
        assertTrue(
                String.valueOf(row.get(0).get("last_error")).contains("550"),
                "the failure names the server's answer: " + row);
        String metrics = DriftinfoApi.anonymous(faults.url(FaultSystem.NOTIFIER))
                .get("/q/metrics")
                .asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("driftinfo_deliveries{")
                                && l.contains("status=\"FAILED\"")
                                && !l.trim().endsWith(" 0.0")),
                "the failed mail shows in the metrics operators watch (driftinfo_deliveries{status=FAILED})");
        assertEquals(Map.of(), faults.mailbox.copiesPerRecipient(to -> to.equals(bounce), updateSubject));
        assertNothingDeadLettered();
    }

    // ---------------------------------------------------------------------------------------------
    // d. A service killed (kill -9) between writing to its database and relaying the outbox event.

    @Test
    @Order(4)
    void d_serviceKilledBetweenWritingAndRelayingRelaysEveryEventAfterItsRestart() throws Exception {
        String region = "jamtland-harjedalen";
        String system = "pascal";
        String incident = faults.url(FaultSystem.INCIDENT);
        faults.infra().kafka().stop();
        FaultLog.line("d: broker stopped, so the outbox cannot be relayed");
        Map<String, String> references = new LinkedHashMap<>();
        List<Attempt> seen = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String email = "report-d-" + i + "@case-d.example";
            references.put(DriftinfoApi.reportUntilAccepted(incident, email, region, system, seen), email);
        }
        assertOnlyAcceptedOrLimited("reports while the broker is down", seen);
        long waiting = faults.count("incident", "select count(*) from event_outbox where published_at is null");
        assertTrue(waiting >= 4, "the reports' events wait in the outbox: " + waiting);
        assertEquals(200, FaultSystem.readiness(incident), "incident-service is ready without the broker");

        ServiceProcess killed = faults.system().service(FaultSystem.INCIDENT);
        killed.kill();
        assertFalse(killed.isAlive());
        FaultLog.line(
                "d: %d reports accepted, %d events in the outbox; incident-service (pid %d) killed with SIGKILL",
                references.size(), waiting, killed.pid());
        faults.infra().kafka().start();
        faults.system().restart(FaultSystem.INCIDENT, () -> {});
        FaultLog.line("d: broker and incident-service started again");

        assertReportsArrived("d", region, references);
        Poll.until(
                "the outbox to be empty",
                Duration.ofSeconds(30),
                () -> faults.count("incident", "select count(*) from event_outbox where published_at is null") == 0);
        assertNothingDeadLettered();
    }

    // ---------------------------------------------------------------------------------------------
    // e. A service killed between sending a mail and recording it.

    @Test
    @Order(5)
    void e_notifierKilledBetweenSendingAndRecordingSendsAtMostOnceMoreWithTheSameMessageId() throws Exception {
        String region = "norrbotten";
        String system = "lifecare-sp";
        MailServer mail = faults.mail();
        List<String> subscribers = Subscribers.seed(faults, "mail-e", "case-e.example", region, system, 3);
        String title = "Lifecare SP svarar inte (fault suite e)";
        String subject = "Outage: " + title;
        Predicate<String> caseE = to -> to.endsWith("@case-e.example");

        MailServer.Hold hold = mail.holdAcceptance(caseE);
        DriftinfoApi.declareOutage(faults.url(FaultSystem.INCIDENT), title, region, system);
        assertTrue(hold.awaitHeld(Duration.ofSeconds(90)), "a mail to a case-e subscriber reached the server");
        String held = hold.recipient();
        ServiceProcess notifier = faults.system().service(FaultSystem.NOTIFIER);
        notifier.kill();
        hold.release();
        FaultLog.line(
                "e: the server took the mail to %s; notifier-service (pid %d) killed before it heard 250",
                held, notifier.pid());
        assertEquals(
                1,
                faults.mailbox
                        .copiesPerRecipient(to -> to.equals(held), subject)
                        .getOrDefault(held, 0L));
        List<Map<String, Object>> row = faults.query(
                "notifier", "select status, sent_at from delivery where recipient = ? and subject = ?", held, subject);
        assertEquals("PENDING", row.get(0).get("status"), "sent but not recorded: " + row);

        faults.system().restart(FaultSystem.NOTIFIER, () -> {});
        FaultLog.line(
                "e: notifier-service started again; its lease on the mail runs out after %s",
                FaultSystem.CONFIG.get("driftinfo.notifier.delivery.lease"));
        List<String> others = subscribers.stream().filter(s -> !s.equals(held)).toList();
        Map<String, Long> copies = Poll.until(
                "the held mail sent again, and the others once",
                Duration.ofSeconds(90),
                () -> faults.mailbox.copiesPerRecipient(caseE, subject),
                c -> c.getOrDefault(held, 0L) >= 2 && c.keySet().containsAll(others));
        Poll.holds(
                "at most one more copy to " + held + " and one to each other subscriber",
                Duration.ofSeconds(5),
                () -> faults.mailbox.copiesPerRecipient(caseE, subject),
                c -> c.get(held) == 2 && others.stream().allMatch(o -> c.get(o) == 1));
        Poll.until("the mail to " + held + " recorded as sent", Duration.ofSeconds(30), () -> "SENT"
                .equals(faults.query(
                                "notifier",
                                "select status from delivery where recipient = ? and subject = ?",
                                held,
                                subject)
                        .get(0)
                        .get("status")));
        List<String> ids = faults.mailbox.mails(to -> to.equals(held), subject).stream()
                .map(Mailbox.Mail::messageId)
                .toList();
        FaultLog.line(
                "e: %s got %d copies (at least once), Message-IDs %s; others %s", held, copies.get(held), ids, others);
        assertEquals(
                1,
                Set.copyOf(ids).size(),
                "the second copy must carry the first one's Message-ID, so that mail programs recognise it: " + ids);
        assertNothingDeadLettered();
    }

    // ---------------------------------------------------------------------------------------------
    // f. Two replicas of every service at once.

    @Test
    @Order(6)
    void f_twoReplicasOfEveryServiceMailEachSubscriberOnceKeepEveryReportAndServeTheSameFeed() throws Exception {
        String region = "dalarna";
        String system = "picsara";
        String feedSystem = "webcert";
        long t0 = System.nanoTime();
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (String name : List.of(FaultSystem.MAINTENANCE, FaultSystem.INCIDENT, FaultSystem.NOTIFIER)) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return faults.system().startReplica(name);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start a second " + name, e);
                }
            }));
        }
        List<ServiceProcess> replicas =
                starting.stream().map(CompletableFuture::join).toList();
        FaultLog.line(
                "f: second replicas ready in %.1f s: %s",
                (System.nanoTime() - t0) / 1e9,
                replicas.stream().map(p -> p.name() + " " + p.url()).toList());
        String incident1 = faults.url(FaultSystem.INCIDENT);
        String incident2 = faults.system().replicas(FaultSystem.INCIDENT).get(1).url();
        String maintenance1 = faults.url(FaultSystem.MAINTENANCE);
        String maintenance2 =
                faults.system().replicas(FaultSystem.MAINTENANCE).get(1).url();
        List<String> notifiers = faults.system().replicas(FaultSystem.NOTIFIER).stream()
                .map(ServiceProcess::url)
                .toList();

        int n = 300;
        List<String> subscribers = Subscribers.seed(faults, "pair-f", "case-f.example", region, system, n);
        String title = "Picsara svarar inte (fault suite f)";
        String subject = "Outage: " + title;
        Predicate<String> caseF = to -> to.endsWith("@case-f.example");
        DriftinfoApi.declareOutage(incident2, title, region, system);

        Map<String, String> references = new LinkedHashMap<>();
        List<Attempt> seen = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String email = "report-f-" + i + "@case-f-reports.example";
            String via = i % 2 == 0 ? incident2 : incident1;
            references.put(DriftinfoApi.reportUntilAccepted(via, email, region, system, seen), email);
        }
        assertOnlyAcceptedOrLimited("reports to either replica", seen);
        // Both notifiers hold the region's feed in memory before the windows come (issue #14): whichever
        // replica consumes a window's event, the other one's feed must follow it (through feed_version).
        String feedPath = "/feeds/regions/" + region + ".ics";
        for (String url : notifiers) {
            DriftinfoApi.anonymous(url).get(feedPath).then().statusCode(200);
        }
        LocalDateTime start = LocalDateTime.of(2027, 3, 17, 18, 0);
        String window1 = "Webcert uppgradering ett (fault suite f)";
        String window2 = "Webcert uppgradering två (fault suite f)";
        DriftinfoApi.planWindow(maintenance1, window1, region, feedSystem, start, start.plusHours(3));
        DriftinfoApi.planWindow(
                maintenance2,
                window2,
                region,
                feedSystem,
                start.plusDays(7),
                start.plusDays(7).plusHours(3));
        FaultLog.line("f: outage declared through the second incident-service, 6 reports alternately to both,"
                + " one window planned through each maintenance-service");

        Map<String, Long> copies = Poll.until(
                "each of the " + n + " subscribers to have the outage mail once (two notifiers share the queue)",
                Duration.ofSeconds(120),
                () -> faults.mailbox.copiesPerRecipient(caseF, subject),
                c -> c.size() >= n);
        assertEquals(Map.of(), Mailbox.notExactlyOnce(copies, subscribers), "outage mails not received exactly once");
        assertReportsArrived("f", region, references);
        assertEquals(
                DriftinfoApi.helpdeskReferences(incident1, region),
                DriftinfoApi.helpdeskReferences(incident2, region),
                "both incident-service replicas show the same queue");

        Poll.until(
                "both windows in the feed of both notifier replicas",
                Duration.ofSeconds(60),
                () -> notifiers.stream().allMatch(url -> {
                    String feed = DriftinfoApi.anonymous(url).get(feedPath).asString();
                    return feed.contains("uppgradering ett") && feed.contains("uppgradering tv");
                }));
        Response first = DriftinfoApi.anonymous(notifiers.get(0)).get(feedPath);
        Response second = DriftinfoApi.anonymous(notifiers.get(1)).get(feedPath);
        assertEquals(first.asString(), second.asString(), "the two notifier replicas serve the same feed");
        assertEquals(first.header("ETag"), second.header("ETag"), "and the same ETag, so a calendar's 304 holds");
        Poll.holds(
                "no second copy of the outage mail",
                Duration.ofSeconds(4),
                () -> Mailbox.notExactlyOnce(faults.mailbox.copiesPerRecipient(caseF, subject), subscribers),
                Map::isEmpty);

        // A batch that outlives its lease: the SMTP server holds one notifier's first mail longer than
        // the lease, so the other notifier takes over the whole batch. When the first is let go, it
        // must not send the rest of its old batch again.
        List<String> slow = Subscribers.seed(faults, "lease-f", "case-f-lease.example", region, "npo", 30);
        String slowTitle = "NPÖ svarar inte (fault suite f)";
        String slowSubject = "Outage: " + slowTitle;
        Predicate<String> caseFLease = to -> to.endsWith("@case-f-lease.example");
        MailServer.Hold hold = faults.mail().holdAcceptance(caseFLease);
        DriftinfoApi.declareOutage(incident1, slowTitle, region, "npo");
        assertTrue(hold.awaitHeld(Duration.ofSeconds(60)), "a notifier's first mail of the batch reached the server");
        String held = hold.recipient();
        List<String> rest = slow.stream().filter(r -> !r.equals(held)).toList();
        Map<String, Long> takenOver;
        try {
            takenOver = Poll.until(
                    "the other notifier to send the whole batch once the lease ran out ("
                            + FaultSystem.CONFIG.get("driftinfo.notifier.delivery.lease") + ")",
                    Duration.ofSeconds(60),
                    () -> faults.mailbox.copiesPerRecipient(caseFLease, slowSubject),
                    c -> c.getOrDefault(held, 0L) >= 2 && c.keySet().containsAll(rest));
        } finally {
            hold.release();
        }
        FaultLog.line(
                "f: one notifier held on %s past its lease; the other sent all %d; the first let go now",
                held, takenOver.size());
        Map<String, Long> afterRelease = Poll.holds(
                "the notifier that lost its lease sends nothing of its old batch",
                Duration.ofSeconds(5),
                () -> faults.mailbox.copiesPerRecipient(caseFLease, slowSubject),
                c -> {
                    Map<String, Long> others = new TreeMap<>(c);
                    return others.remove(held) == 2
                            && Mailbox.notExactlyOnce(others, rest).isEmpty();
                });
        List<String> heldIds = faults.mailbox.mails(to -> to.equals(held), slowSubject).stream()
                .map(Mailbox.Mail::messageId)
                .toList();
        assertEquals(1, Set.copyOf(heldIds).size(), "the mail in flight past its lease, sent twice, one Message-ID");
        FaultLog.line(
                "f: after the release: %s has 2 copies with one Message-ID (at least once), the other %d one" + " each",
                held, afterRelease.size() - 1);

        assertNothingDeadLettered();
        Map<String, Integer> readiness = faults.readiness();
        assertEquals(6, readiness.size(), "two processes of each service: " + readiness);
        assertTrue(FaultSystem.all(readiness, 200), "every replica ready: " + readiness);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Every accepted report is in the helpdesk queue, and its reporter has exactly one
     * acknowledgement naming it: the event reached the notifier, once.
     */
    private static void assertReportsArrived(String label, String region, Map<String, String> references) {
        assertReportsArrived(label, region, references, false);
    }

    /**
     * As {@link #assertReportsArrived(String, String, Map)}; {@code atLeastOnce} where the fault may
     * fall between a mail's sending and its recording: a second copy is then allowed, if it carries
     * the first one's Message-ID.
     */
    private static void assertReportsArrived(
            String label, String region, Map<String, String> references, boolean atLeastOnce) {
        Set<String> inQueue = Poll.until(
                label + ": every accepted report in the helpdesk queue",
                Duration.ofSeconds(30),
                () -> DriftinfoApi.helpdeskReferences(faults.url(FaultSystem.INCIDENT), region),
                q -> q.containsAll(references.keySet()));
        assertTrue(inQueue.containsAll(references.keySet()));
        assertAcknowledged(label, references, atLeastOnce);
    }

    /**
     * Each reporter has one acknowledgement of its report (reference → reporter's address); with
     * {@code atLeastOnce}, any further copy must carry the same Message-ID, so that a mail program
     * recognises it as the same message.
     */
    private static void assertAcknowledged(String label, Map<String, String> references, boolean atLeastOnce) {
        Predicate<String> reporters = references::containsValue;
        Poll.until(
                label + ": an acknowledgement for each of " + references.size() + " reports",
                Duration.ofSeconds(120),
                () -> acknowledgements(references, reporters),
                acks -> acks.values().stream().allMatch(ids -> !ids.isEmpty()));
        Map<String, List<String>> acks = Poll.holds(
                label
                        + (atLeastOnce
                                ? ": no report acknowledged twice under two Message-IDs"
                                : ": no report acknowledged twice"),
                Duration.ofSeconds(3),
                () -> acknowledgements(references, reporters),
                a -> a.values().stream()
                        .allMatch(ids -> atLeastOnce ? Set.copyOf(ids).size() == 1 : ids.size() == 1));
        Map<String, List<String>> again = new TreeMap<>(acks);
        again.values().removeIf(ids -> ids.size() == 1);
        FaultLog.line(
                "%s: %d reports in the helpdesk queue, each acknowledged %s",
                label,
                acks.size(),
                again.isEmpty() ? "once by mail" : "by mail; sent again (at least once), same Message-ID: " + again);
    }

    /** Reference → the Message-IDs of the acknowledgements its reporter received, one per copy. */
    private static Map<String, List<String>> acknowledgements(
            Map<String, String> references, Predicate<String> reporters) {
        List<Mailbox.Mail> mails = faults.mailbox.mails(reporters, "fault report");
        Map<String, List<String>> acks = new TreeMap<>();
        references.forEach((reference, reporter) -> acks.put(
                reference,
                mails.stream()
                        .filter(m -> m.to().equals(reporter) && m.subject().contains(reference))
                        .map(Mailbox.Mail::messageId)
                        .toList()));
        return acks;
    }

    private void assertNothingDeadLettered() {
        assertEquals(deadLetteredBefore, faults.deadLettered(), "events given up on (dead-letter topics)");
    }

    private static void assertNotifierReady(String when) {
        assertEquals(200, FaultSystem.readiness(faults.url(FaultSystem.NOTIFIER)), "notifier-service ready " + when);
    }

    private static void assertOnlyAcceptedOrLimited(String what, List<Attempt> seen) {
        List<Attempt> other =
                seen.stream().filter(a -> !a.accepted() && a.status() != 429).toList();
        assertEquals(List.of(), other, what + ": every report accepted (or rate-limited and retried)");
    }

    /**
     * Waits until every delivery row with this subject has been tried since {@code before} (row id →
     * attempts) and is still pending; returns the attempts now.
     */
    private static Map<Long, Integer> awaitEveryDeliveryTried(
            String subject, int rows, Map<Long, Integer> before, Duration timeout) {
        return Poll.until(
                "each of " + rows + " mails tried " + (before.isEmpty() ? "" : "again ") + "and kept pending",
                timeout,
                () ->
                        faults
                                .query(
                                        "notifier",
                                        "select id, attempts, status from delivery where subject = ?",
                                        subject)
                                .stream()
                                .filter(r -> "PENDING".equals(r.get("status")))
                                .collect(Collectors.toMap(
                                        r -> ((Number) r.get("id")).longValue(),
                                        r -> ((Number) r.get("attempts")).intValue(),
                                        (x, y) -> x,
                                        TreeMap::new)),
                now -> now.size() == rows
                        && now.entrySet().stream().allMatch(e -> e.getValue() > before.getOrDefault(e.getKey(), 0)));
    }

    /**
     * Publishes fault report events as incident-service's relay does (the contract's sample with a new
     * id, reference and reporter); returns reference → reporter address.
     */
    private static Map<String, String> publishFaultReportEvents(String region, String system, int count)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode sample;
        try (InputStream in =
                FaultSuiteIT.class.getResourceAsStream("/samples/" + EventTypes.FAULT_REPORT_RECEIVED + ".json")) {
            sample = (ObjectNode) json.readTree(in);
        }
        KafkaTestClient kafka = new KafkaTestClient(faults.infra().kafka().bootstrapServers());
        Map<String, String> published = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            ObjectNode event = sample.deepCopy();
            ObjectNode report = (ObjectNode) event.get("report");
            UUID id = UUID.randomUUID();
            String reference = "FR-2027-9" + String.format("%05d", i) + "B";
            String email = "event-b-" + i + "@case-b-events.example";
            report.put("id", id.toString());
            report.put("reference", reference);
            report.put("contactEmail", email);
            report.put("language", "en");
            report.put("region", region);
            report.put("system", system);
            report.put("receivedAt", Instant.now().toString());
            report.put("updatedAt", Instant.now().toString());
            event.putNull("coveredBy");
            kafka.publish(
                    Topics.INCIDENTS,
                    id.toString(),
                    EventTypes.FAULT_REPORT_RECEIVED,
                    EventSources.INCIDENT,
                    json.writeValueAsString(event));
            published.put(reference, email);
        }
        return published;
    }
}
