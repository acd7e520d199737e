package se.driftinfo.notifier.badinput;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.BadInputs;
import se.driftinfo.infra.BadInputs.Case;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;
import se.driftinfo.notifier.Subscribers;

/**
 * Text with markup arrives over Kafka in window titles and descriptions and in outage titles and
 * messages (published as the upstream services' relays do). The notifier shows it as text
 * everywhere: escaped in the HTML mail and on {@code /driftinfo}, on one line in the mail's subject,
 * and in the iCal feed and invitation as one property value (a CR/LF in a title starts no new line).
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class MarkupEscapingTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    static List<Case> markup() {
        return BadInputs.markup();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markup")
    void markupFromEventsIsShownAsTextInMailPageAndFeed(Case markup) throws Exception {
        String region = Subscribers.newRegion();
        String email = "markup-" + UUID.randomUUID() + "@hc.example";
        Subscribers.subscribeAndConfirm(email, region, List.of(), "sv");
        String title = markup.value() + " fönster";
        LocalDateTime start = LocalDateTime.now(STOCKHOLM).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        UUID windowId = UUID.randomUUID();
        Events.window(
                EventTypes.WINDOW_SCHEDULED,
                new WindowV1(
                        windowId,
                        0,
                        title,
                        markup.value() + " beskrivning",
                        region,
                        List.of("cosmic"),
                        "Europe/Stockholm",
                        start,
                        start.plusHours(2),
                        null,
                        "SCHEDULED",
                        List.of(),
                        null,
                        Instant.now()),
                null);
        Instant started = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        UUID outageId = UUID.randomUUID();
        Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(
                        new OutageV1(
                                outageId,
                                "DS-2027-000777",
                                markup.value() + " störning",
                                region,
                                List.of("cosmic"),
                                "OUTAGE",
                                "INVESTIGATING",
                                started,
                                null,
                                0,
                                started),
                        new OutageEventV1.StatusUpdateV1("INVESTIGATING", markup.value() + " meddelande", started)));

        List<MimeMessage> mails = Mailbox.await(email, 3); // confirmation, window, outage
        for (MimeMessage mail : mails.subList(1, 3)) {
            String subject = Mails.subject(mail);
            assertFalse(subject.contains("\r") || subject.contains("\n"), "one line: " + subject);
            assertNull(Mails.header(mail, "Bcc"), "no header injected");
            assertNull(Mails.header(mail, "SUMMARY"), "no header injected");
            String html = Mails.text(Mails.part(mail, "text/html").orElseThrow());
            assertNoLiveMarkup(html, markup);
        }
        MimeMessage invitation = mails.stream()
                .filter(m -> Mails.part(m, "text/calendar").isPresent())
                .findFirst()
                .orElseThrow();
        assertOneEventWithTheWholeTitle(
                Mails.text(Mails.part(invitation, "text/calendar").orElseThrow()), title);

        String page = Eventually.until(
                Duration.ofSeconds(10),
                "the window and outage on the page",
                () -> given().get("/driftinfo?region=" + region).asString(),
                p -> p.contains("fönster") && p.contains("störning"));
        assertNoLiveMarkup(page, markup);

        String feed = given().get("/feeds/regions/" + region + ".ics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(feed.contains("\r\nSUMMARY:falsk"), "no property injected into the feed");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size(), "the window and the outage, nothing injected: " + feed);
        assertTrue(
                events.stream().anyMatch(e -> e.getProperty(Property.SUMMARY)
                        .orElseThrow()
                        .getValue()
                        .contains(asInICal(title))),
                "the title whole in one SUMMARY: " + feed);
    }

    /** The raw markup never appears; what a browser would run is there only as escaped text. */
    private static void assertNoLiveMarkup(String html, Case markup) {
        assertFalse(html.contains("<script>"), markup + ": raw script element");
        assertFalse(html.contains("<img src=x"), markup + ": raw img element");
        assertFalse(html.contains("<a href=\"javascript:"), markup + ": raw javascript link");
        switch (markup.name()) {
            case "script element" -> assertTrue(html.contains("&lt;script&gt;"), html);
            case "attribute breakout" -> assertTrue(html.contains("&quot;&gt;&lt;img src=x"), html);
            case "javascript url" -> assertTrue(html.contains("&lt;a href=&quot;javascript:"), html);
            // Shown as typed, not evaluated (Qute and Java EL would make 49, or the CSRF token)
            case "template expression" -> assertTrue(html.contains("{inject:csrf.token} ${7*7} #{7*7}"), html);
            // Text in HTML: line breaks are harmless there; the calendar checks are below
            default -> assertTrue(html.contains("SUMMARY:falsk"), html);
        }
    }

    private static void assertOneEventWithTheWholeTitle(String ics, String title) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size(), ics);
        assertTrue(
                events.get(0)
                        .getProperty(Property.SUMMARY)
                        .orElseThrow()
                        .getValue()
                        .contains(asInICal(title)),
                ics);
    }

    /** iCalendar text has line breaks as {@code \\n}, which a reader turns back into LF (there is no CR). */
    private static String asInICal(String text) {
        return text.replace("\r\n", "\n");
    }
}
