package se.driftinfo.notifier.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventJson;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.Subscribers;
import se.driftinfo.notifier.delivery.Delivery;

/** The reminder run against the real database and SMTP server: isolation per window, and when to stay quiet. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class ReminderPlannerTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Inject
    ReminderPlanner reminders;

    @Inject
    EntityManager em;

    @Test
    @DisplayName("gap 3: a window whose reminders cannot be queued does not stop another window's reminder")
    void aFailingWindowIsCountedAndTheOthersAreStillReminded() {
        String region = Subscribers.newRegion();
        String email = "kalix-" + UUID.randomUUID() + "@hc.example";
        Subscribers.subscribeAndConfirm(email, region, List.of(), "sv");
        LocalDateTime start = LocalDateTime.of(2028, 3, 15, 18, 0);
        // A poisoned row, as a bad upstream event or a hand edit could leave: its reminder's subject
        // overflows delivery.subject (500), so queuing it fails in the database and, in PostgreSQL,
        // aborts the transaction it runs in.
        UUID poisoned = new UUID(0, 1); // sorts first
        WindowV1 bad = window(poisoned, region, "X".repeat(600), start);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into window_view (id, region, systems, sequence, status, updated_at, snapshot)
                        values (?1, ?2, ',cosmic,', 0, 'SCHEDULED', ?3, ?4)
                        on conflict (id) do update set region = excluded.region, snapshot = excluded.snapshot""")
                .setParameter(1, poisoned)
                .setParameter(2, region)
                .setParameter(3, bad.updatedAt())
                .setParameter(4, EventJson.write(bad))
                .executeUpdate());
        try {
            UUID good = UUID.randomUUID();
            Events.window(EventTypes.WINDOW_SCHEDULED, window(good, region, "FU-stopp", start), null);
            Mailbox.await(email, 2); // confirmation, scheduled
            Instant dayBefore = start.atZone(STOCKHOLM)
                    .toInstant()
                    .minus(Duration.ofDays(1))
                    .plusSeconds(60);

            ReminderPlanner.Run run = reminders.plan(dayBefore);

            assertEquals(1, run.failedWindows(), "the poisoned window failed and was counted");
            assertTrue(run.queued() >= 1, "the other window's reminder was queued: " + run);
            MimeMessage reminder = Mailbox.await(email, 3).get(2);
            assertTrue(Mails.subject(reminder).startsWith("Påminnelse: FU-stopp i morgon"), Mails.subject(reminder));
            assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                    .call(() -> Delivery.count("recipient = ?1 and subject like 'Påminnelse: XXX%'", email)));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from window_view where id = ?1")
                    .setParameter(1, poisoned)
                    .executeUpdate());
        }
    }

    @Test
    @DisplayName("gap 7: a window announced 62 minutes ahead gets no reminder on top of the announcement")
    void remindersThatWouldLandRightAfterTheAnnouncementAreNotSent() {
        String region = Subscribers.newRegion();
        String email = "jokkmokk-" + UUID.randomUUID() + "@hc.example";
        Subscribers.subscribeAndConfirm(email, region, List.of(), "en");
        Instant announced = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime start =
                announced.plus(Duration.ofMinutes(62)).atZone(STOCKHOLM).toLocalDateTime();
        WindowV1 window = new WindowV1(
                UUID.randomUUID(),
                0,
                "Akut FU-stopp",
                "Kort varsel.",
                region,
                List.of("cosmic"),
                "Europe/Stockholm",
                start,
                start.plusHours(1),
                null,
                "SCHEDULED",
                List.of(),
                null,
                announced);
        Events.window(EventTypes.WINDOW_SCHEDULED, window, null);
        MimeMessage announcement = Mailbox.await(email, 2).get(1);
        assertTrue(
                Mails.subject(announcement).startsWith("Planned maintenance: Akut FU-stopp"),
                Mails.subject(announcement));

        // What the planner, running every minute, met: the 1-day reminder already due, then the 1-hour one.
        reminders.plan(announced.plusSeconds(12));
        reminders.plan(announced.plus(Duration.ofMinutes(2)));
        reminders.plan(announced.plus(Duration.ofMinutes(30)));

        assertEquals(0, reminderRows(email), "the announcement was the reminder");
        sleep(1500);
        assertEquals(2, Mailbox.to(email).size(), "confirmation and announcement only");
    }

    @Test
    @DisplayName("gap 7: announced well ahead, the 1-hour reminder still goes out and says so")
    void aReminderWellAfterTheAnnouncementIsSentAndSaysHowSoon() {
        String region = Subscribers.newRegion();
        String email = "arjeplog-" + UUID.randomUUID() + "@hc.example";
        Subscribers.subscribeAndConfirm(email, region, List.of(), "en");
        Instant announced = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime start =
                announced.plus(Duration.ofHours(2)).atZone(STOCKHOLM).toLocalDateTime();
        WindowV1 window = new WindowV1(
                UUID.randomUUID(),
                0,
                "FU-stopp",
                null,
                region,
                List.of("cosmic"),
                "Europe/Stockholm",
                start,
                start.plusHours(1),
                null,
                "SCHEDULED",
                List.of(),
                null,
                announced);
        Events.window(EventTypes.WINDOW_SCHEDULED, window, null);
        Mailbox.await(email, 2);

        reminders.plan(announced.plus(Duration.ofMinutes(61)));

        assertEquals(1, reminderRows(email));
        MimeMessage reminder = Mailbox.await(email, 3).get(2);
        assertTrue(Mails.subject(reminder).startsWith("Reminder: FU-stopp in 1 hour, "), Mails.subject(reminder));
        Eventually.until(
                Duration.ofSeconds(10), "nothing more", () -> Mailbox.to(email).size(), n -> n == 3);
    }

    private static WindowV1 window(UUID id, String region, String title, LocalDateTime start) {
        return new WindowV1(
                id,
                0,
                title,
                null,
                region,
                List.of("cosmic"),
                "Europe/Stockholm",
                start,
                start.plusHours(2),
                null,
                "SCHEDULED",
                List.of(),
                null,
                Instant.parse("2027-01-01T00:00:00Z"));
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
