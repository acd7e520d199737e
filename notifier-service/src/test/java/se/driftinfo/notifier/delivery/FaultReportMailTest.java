package se.driftinfo.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.CoverV1;
import se.driftinfo.contracts.incident.FaultReportEventV1.FaultReportV1;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.outage.OutageRepository;

/** What the reporter of a fault is told as the report moves on, end to end: Kafka in, real SMTP out. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class FaultReportMailTest {

    private static final Instant RECEIVED = Instant.parse("2027-02-03T08:20:00Z");
    private static final String RESOLUTION =
            "Cosmic fungerar igen efter omstart av <db1>.\nHör av er om felet finns kvar.";

    @Inject
    MailMessages swedish;

    @Inject
    OutageRepository outages;

    @Inject
    @Localized("en")
    MailMessages english;

    @Test
    void aReportResolvedWithItsOutageIsToldFixedWithTheOutagesResolutionOnce() {
        String region = newRegion();
        String email = "reception-" + UUID.randomUUID() + "@hc.example";
        UUID reportId = UUID.randomUUID();
        UUID outageId = UUID.randomUUID();
        CoverV1 cover = new CoverV1("OUTAGE", outageId, "Cosmic svarar inte", null);
        String reference = "FR-2027-" + reportId.toString().substring(0, 6);
        publish(
                UUID.randomUUID(),
                EventTypes.FAULT_REPORT_RECEIVED,
                new FaultReportEventV1(report(reportId, reference, email, "sv", region, "NEW", outageId, 0), cover));
        MimeMessage received = Mailbox.await(email, 1).get(0);
        assertTrue(text(received).contains("Använd er reservrutin"), "while open, the outage's reserve routine");

        UUID resolvedEvent = UUID.randomUUID();
        FaultReportEventV1 resolved = new FaultReportEventV1(
                report(reportId, reference, email, "sv", region, "RESOLVED", outageId, 1), cover, RESOLUTION);
        publish(resolvedEvent, EventTypes.FAULT_REPORT_STATUS_CHANGED, resolved);
        publish(resolvedEvent, EventTypes.FAULT_REPORT_STATUS_CHANGED, resolved); // redelivered
        // Same key, so consumed after the redelivery: once its mail is here, the redelivery was handled.
        publish(
                UUID.randomUUID(),
                EventTypes.FAULT_REPORT_STATUS_CHANGED,
                new FaultReportEventV1(report(reportId, reference, email, "sv", region, "CLOSED", outageId, 2), cover));
        List<MimeMessage> mails = Eventually.until(
                Duration.ofSeconds(20), "the closed report's mail", () -> Mailbox.to(email), all -> all.stream()
                        .anyMatch(m -> Mails.subject(m).endsWith("är avslutad")));

        List<MimeMessage> resolvedMails = mails.stream()
                .filter(m -> Mails.subject(m).equals("Er felanmälan " + reference + " är åtgärdad"))
                .toList();
        assertEquals(1, resolvedMails.size(), "one mail per resolution, also when the event is redelivered");
        assertEquals(3, mails.size());
        String text = text(resolvedMails.get(0));
        assertTrue(
                text.contains("Felanmälan " + reference
                        + " om COSMIC är åtgärdad. Felet är åtgärdat och COSMIC ska fungera som vanligt igen."),
                text);
        assertTrue(
                text.contains("Felet berodde på en driftstörning som nu är åtgärdad. Så här skrev supporten:"), text);
        assertTrue(text.contains("Cosmic fungerar igen efter omstart av <db1>."), text);
        assertTrue(text.contains("Hör av er om felet finns kvar."), text);
        assertFalse(text.contains("reservrutin"), "a fixed fault needs no reserve routine: " + text);
        assertFalse(text.contains("RESOLVED"), "the status in words: " + text);
        String html = Mails.text(Mails.part(resolvedMails.get(0), "text/html").orElseThrow());
        assertTrue(html.contains("<strong>" + reference + "</strong> om COSMIC är åtgärdad."), html);
        assertTrue(html.contains("Cosmic fungerar igen efter omstart av &lt;db1&gt;."), "escaped: " + html);
        assertFalse(html.contains("reservrutin"), html);

        MimeMessage closed = mails.stream()
                .filter(m -> Mails.subject(m).equals("Er felanmälan " + reference + " är avslutad"))
                .findFirst()
                .orElseThrow();
        String closedText = text(closed);
        assertTrue(closedText.contains("om COSMIC är avslutad. Felet är åtgärdat"), closedText);
        assertFalse(closedText.contains("reservrutin"), closedText);
        assertFalse(closedText.contains("Så här skrev supporten"), "no resolution in this event: " + closedText);
    }

    @Test
    void aReportTheHelpdeskResolvedIsToldFixedInEnglishWithoutAResolutionItDoesNotHave() {
        String region = newRegion();
        String email = "reception-" + UUID.randomUUID() + "@hc.example";
        UUID reportId = UUID.randomUUID();
        String reference = "FR-2027-" + reportId.toString().substring(0, 6);
        CoverV1 window = new CoverV1("MAINTENANCE_WINDOW", UUID.randomUUID(), "FU-stopp", RECEIVED.plusSeconds(3600));
        publish(
                UUID.randomUUID(),
                EventTypes.FAULT_REPORT_STATUS_CHANGED,
                new FaultReportEventV1(
                        report(reportId, reference, email, "en", region, "IN_PROGRESS", null, 1), window));
        MimeMessage inProgress = Mailbox.await(email, 1).get(0);
        assertEquals("Your fault report " + reference + ": status update", Mails.subject(inProgress));
        String progressText = text(inProgress);
        assertTrue(
                progressText.contains("Fault report " + reference + " about COSMIC has a new status: in progress."),
                progressText);
        assertTrue(progressText.contains("Use your reserve routine."), progressText);

        publish(
                UUID.randomUUID(),
                EventTypes.FAULT_REPORT_STATUS_CHANGED,
                new FaultReportEventV1(report(reportId, reference, email, "en", region, "RESOLVED", null, 2), window));
        MimeMessage resolved = Mailbox.await(email, 2).stream()
                .filter(m -> !m.equals(inProgress))
                .findFirst()
                .orElseThrow();
        assertEquals("Your fault report " + reference + " is resolved", Mails.subject(resolved));
        String text = text(resolved);
        assertTrue(
                text.contains("Fault report " + reference
                        + " about COSMIC is resolved. The fault is fixed and COSMIC should work as usual again."),
                text);
        assertFalse(text.contains("reserve routine"), text);
        assertFalse(text.contains("The helpdesk wrote"), text);
        assertFalse(text.contains("RESOLVED"), text);
    }

    @Test
    void aTriageIsToldOnlyWhenItLinksTheReportToAnOutageAndThenOnce() {
        String region = newRegion();
        String email = "reception-" + UUID.randomUUID() + "@hc.example";
        UUID reportId = UUID.randomUUID();
        String reference = "FR-2027-" + reportId.toString().substring(0, 6);
        publish(
                UUID.randomUUID(),
                EventTypes.FAULT_REPORT_RECEIVED,
                new FaultReportEventV1(report(reportId, reference, email, "sv", region, "NEW", null, 0), null));
        Mailbox.await(email, 1);
        // Priority and responsibility set: the helpdesk's business, no mail.
        publish(
                UUID.randomUUID(),
                EventTypes.FAULT_REPORT_TRIAGED,
                new FaultReportEventV1(report(reportId, reference, email, "sv", region, "NEW", null, 1), null));

        UUID outageId = UUID.randomUUID();
        Instant started = RECEIVED.plusSeconds(900);
        Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(
                        new OutageV1(
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
                                started),
                        new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Vi felsöker.", started)));
        Eventually.until(
                Duration.ofSeconds(20),
                "the outage in the read model",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> outages.findByIdOptional(outageId).isPresent()),
                known -> known);
        // Linked to the outage, then assigned: one mail, for the link.
        for (int n = 2; n <= 3; n++) {
            publish(
                    UUID.randomUUID(),
                    EventTypes.FAULT_REPORT_TRIAGED,
                    new FaultReportEventV1(report(reportId, reference, email, "sv", region, "NEW", outageId, n), null));
        }
        // Same key, so consumed after the triages: once its mail is here, they were handled.
        publish(
                UUID.randomUUID(),
                EventTypes.FAULT_REPORT_STATUS_CHANGED,
                new FaultReportEventV1(
                        report(reportId, reference, email, "sv", region, "IN_PROGRESS", outageId, 4), null));
        List<MimeMessage> mails = Eventually.until(
                Duration.ofSeconds(20), "the in-progress mail", () -> Mailbox.to(email), all -> all.stream()
                        .anyMatch(m -> Mails.text(Mails.part(m, "text/plain").orElseThrow())
                                .contains("under arbete")));

        // Sorted: senders work in parallel, so the last two may arrive in either order.
        List<String> subjects = mails.stream().map(Mails::subject).sorted().toList();
        assertEquals(
                List.of(
                        "Er felanmälan " + reference + " gäller en driftstörning",
                        "Er felanmälan " + reference + ": ny status",
                        "Vi har tagit emot er felanmälan " + reference),
                subjects,
                "receipt, link, status; no mail for priority or assignee");
        String linked = text(mails.stream()
                .filter(m -> Mails.subject(m).endsWith("gäller en driftstörning"))
                .findFirst()
                .orElseThrow());
        assertTrue(
                linked.contains("Felanmälan " + reference
                        + " om COSMIC gäller driftstörningen DS-2027-000042 (Cosmic svarar inte). Vi arbetar med"
                        + " den, och ni får besked när den är åtgärdad. Använd er reservrutin så länge."),
                linked);
    }

    @Test
    void everyStatusReadsAsWordsInBothLanguagesAndALaterOneAsSent() {
        for (String status : List.of("NEW", "TRIAGED", "IN_PROGRESS", "WAITING_FOR_REPORTER", "RESOLVED", "CLOSED")) {
            for (MailMessages text : List.of(swedish, english)) {
                String words = text.faultReportStatus(status);
                assertFalse(words.isBlank(), status);
                assertNotEquals(status, words);
                assertEquals(words.toLowerCase(), words, "reads inside a sentence: " + words);
            }
        }
        assertEquals("åtgärdad", swedish.faultReportStatus("RESOLVED"));
        assertEquals("resolved", english.faultReportStatus("RESOLVED"));
        assertEquals("ESCALATED", swedish.faultReportStatus("ESCALATED"));
    }

    private static FaultReportV1 report(
            UUID id,
            String reference,
            String email,
            String language,
            String region,
            String status,
            UUID outage,
            int n) {
        return new FaultReportV1(
                id,
                reference,
                "SE2321000230-1234",
                "Hälsocentralen Kiruna",
                email,
                language,
                region,
                "cosmic",
                "HIGH",
                status.equals("NEW") ? null : "P1",
                status,
                outage,
                RECEIVED,
                RECEIVED.plusSeconds(600L * n));
    }

    private static void publish(UUID eventId, String type, FaultReportEventV1 event) {
        Events.publish(eventId, Topics.INCIDENTS, event.report().id().toString(), type, event);
    }

    private static String text(MimeMessage mail) {
        return Mails.text(Mails.part(mail, "text/plain").orElseThrow());
    }

    /** A region of this test's own, so the system has its catalog name (COSMIC) in the mail. */
    private static String newRegion() {
        String code = "fr-" + UUID.randomUUID().toString().substring(0, 8);
        Events.region(code, "cosmic");
        Eventually.until(
                Duration.ofSeconds(20),
                "region " + code + " in the catalog replica",
                () -> given().get("/feeds/regions/" + code + ".ics").statusCode(),
                s -> s == 200);
        return code;
    }
}
