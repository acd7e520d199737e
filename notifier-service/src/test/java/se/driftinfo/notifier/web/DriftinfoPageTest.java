package se.driftinfo.notifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class DriftinfoPageTest {

    @Test
    void pageShowsActiveOutagesComingMaintenanceAndSubscribeLinks() {
        String region = "page-" + UUID.randomUUID().toString().substring(0, 8);
        Events.region(region, "sjunet");
        String outageTitle = "Sjunet nere " + UUID.randomUUID();
        UUID outageId = UUID.randomUUID();
        Instant started = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(
                        new OutageV1(
                                outageId,
                                "DS-1",
                                outageTitle,
                                region,
                                List.of("sjunet"),
                                "OUTAGE",
                                "INVESTIGATING",
                                started,
                                null,
                                0,
                                started),
                        new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Vi felsöker", started)));
        String windowTitle = "Byte av brandvägg " + UUID.randomUUID();
        LocalDateTime start =
                LocalDateTime.now(ZoneId.of("Europe/Stockholm")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        Events.window(
                EventTypes.WINDOW_SCHEDULED,
                new se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1(
                        UUID.randomUUID(),
                        0,
                        windowTitle,
                        null,
                        region,
                        List.of("sjunet"),
                        "Europe/Stockholm",
                        start,
                        start.plusHours(2),
                        null,
                        "SCHEDULED",
                        List.of(),
                        null,
                        Instant.now()),
                null);

        String page = Eventually.until(
                Duration.ofSeconds(20),
                "outage and window on the page",
                () -> given().get("/driftinfo").then().statusCode(200).extract().asString(),
                html -> html.contains(outageTitle) && html.contains(windowTitle));
        assertTrue(page.contains("webcal://localhost:8083/feeds/regions/" + region + ".ics"), "webcal link");
        assertTrue(page.contains(
                "https://calendar.google.com/calendar/render?cid=http%3A%2F%2Flocalhost%3A8083%2Ffeeds%2Fall.ics"));
        assertTrue(page.contains("https://outlook.office.com/calendar/0/addfromweb?url="));
        assertTrue(page.contains("Region " + region));

        String email = "page-" + UUID.randomUUID() + "@hc.example";
        Forms.form()
                .contentType("application/x-www-form-urlencoded")
                .formParam("email", email)
                .formParam("regions", region)
                .formParam("language", "en")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .statusCode(200)
                .body(containsString(email));
        assertEquals(
                "Confirm your Driftinfo subscription",
                Mails.subject(Mailbox.await(email, 1).get(0)));

        Forms.form()
                .contentType("application/x-www-form-urlencoded")
                .formParam("email", "nope")
                .formParam("regions", region)
                .formParam("language", "sv")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .statusCode(400)
                .contentType("text/html")
                // The page again, the error on the field and the address typed kept.
                .body(containsString("<span class=\"error\" id=\"email-error\">Ange en e-postadress"))
                .body(containsString("value=\"nope\""))
                .body(containsString("value=\"" + region + "\" checked"));
    }

    @Test
    void thePageIsSwedishByDefaultAndEnglishOnRequestWithALinkToTheOther() {
        given().get("/driftinfo")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"sv\">"))
                .body(containsString("<h2>Pågående driftstörningar</h2>"))
                .body(containsString("<h2>Kommande underhåll</h2>"))
                .body(containsString("href=\"/driftinfo?lang=en\" hreflang=\"en\" lang=\"en\">In English</a>"));
        given().queryParam("lang", "en")
                .get("/driftinfo")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h2>Current outages</h2>"))
                .body(containsString("<h2>Coming maintenance</h2>"))
                .body(containsString("<button type=\"submit\">Subscribe</button>"))
                .body(containsString("<option value=\"en\" selected>English</option>"))
                .body(containsString("href=\"/driftinfo?lang=sv\" hreflang=\"sv\" lang=\"sv\">På svenska</a>"))
                .body(not(containsString("Pågående driftstörningar")));
    }

    @Test
    void aBrowserThatPrefersEnglishGetsEnglishAndTheLinkStillWins() {
        given().header("Accept-Language", "en-GB,en;q=0.9,sv;q=0.5")
                .get("/driftinfo")
                .then()
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Current outages"));
        given().header("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.5")
                .get("/driftinfo")
                .then()
                .body(containsString("<html lang=\"sv\">"));
        given().header("Accept-Language", "en-GB")
                .queryParam("lang", "sv")
                .get("/driftinfo")
                .then()
                .body(containsString("Pågående driftstörningar"));
    }

    @Test
    void theEnglishPageLeavesNoSwedishLabelBehind() throws Exception {
        String region = DriftinfoMonthViewTest.newRegion();
        UUID outageId = UUID.randomUUID();
        Instant started = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(
                        new OutageV1(
                                outageId,
                                "DS-7",
                                "Cosmic down " + outageId,
                                region,
                                List.of("cosmic"),
                                "DEGRADED",
                                "INVESTIGATING",
                                started,
                                null,
                                0,
                                started),
                        new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Looking into it", started)));
        // Next month: its first Wednesday cancelled, its second moved a day (also in the coming weeks' list).
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Stockholm")).plusMonths(1);
        LocalDate first = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
        String title = "Weekly restart " + UUID.randomUUID();
        Events.window(
                EventTypes.WINDOW_SCHEDULED,
                DriftinfoMonthViewTest.window(
                        title,
                        region,
                        "Europe/Stockholm",
                        first.atTime(17, 0),
                        first.atTime(19, 0),
                        "FREQ=WEEKLY;BYDAY=WE",
                        List.of(
                                new OccurrenceExceptionV1(first.atTime(17, 0), "CANCELLED", null, null, null, 1),
                                new OccurrenceExceptionV1(
                                        first.plusWeeks(1).atTime(17, 0),
                                        "MOVED",
                                        first.plusWeeks(1).plusDays(1).atTime(17, 0),
                                        first.plusWeeks(1).plusDays(1).atTime(19, 0),
                                        null,
                                        2))),
                null);
        String swedish = Eventually.until(
                Duration.ofSeconds(20),
                "outage and window on the page",
                () -> page(region, month, "sv"),
                html -> html.contains("Cosmic down " + outageId) && html.contains(title));
        // Each label the check below looks for is really on the Swedish page.
        for (String label : List.of("Alla regioner", "Inställt", "Felsökning pågår", "flyttad", "Störning")) {
            assertTrue(swedish.contains(label), label);
        }

        String english = page(region, month, "en");
        List<String> leftovers = new ArrayList<>();
        for (String label : swedishLabels(month)) {
            if (Pattern.compile("(?<!\\p{L})" + Pattern.quote(label) + "(?!\\p{L})")
                    .matcher(english)
                    .find()) {
                leftovers.add(label);
            }
        }
        assertEquals(List.of(), leftovers, "Swedish left on the English page");
        assertTrue(english.contains("All regions"));
        assertTrue(english.contains("<td>Investigating</td>"));
        assertTrue(english.contains("<strong>Cancelled</strong>"));
        given().header("Accept-Language", "en-GB,en;q=0.9")
                .get("/driftinfo")
                .then()
                .body(containsString("<option value=\"\" selected>All regions</option>"))
                .body(not(containsString("Alla regioner")));
    }

    @Inject
    DriftinfoPageMessages swedishTexts;

    @Inject
    @Localized("en")
    DriftinfoPageMessages englishTexts;

    /**
     * Every Swedish text of the page's bundle that differs from its English one (a text with values is
     * split around them), the outage statuses, the weekdays and the month's name.
     */
    private List<String> swedishLabels(YearMonth month) throws Exception {
        List<String> labels = new ArrayList<>();
        for (Method m : DriftinfoPageMessages.class.getMethods()) {
            if (m.getName().equals("datePattern") || m.getName().equals("monthPattern")) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            java.util.Arrays.fill(args, "\u0001");
            List<String> sv = fragments((String) m.invoke(swedishTexts, args));
            List<String> en = fragments((String) m.invoke(englishTexts, args));
            sv.stream().filter(f -> !en.contains(f)).forEach(labels::add);
        }
        for (String status : List.of("INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED")) {
            labels.add(swedishTexts.outageStatus(status));
        }
        labels.add("INVESTIGATING");
        Locale sv = Locale.forLanguageTag("sv-SE");
        for (DayOfWeek day : DayOfWeek.values()) {
            labels.add(day.getDisplayName(TextStyle.FULL, sv));
        }
        labels.add(month.format(DateTimeFormatter.ofPattern("LLLL yyyy", sv)));
        return labels;
    }

    /** The parts of a text between its values that have words in them. */
    private static List<String> fragments(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\u0001")) {
            String trimmed = part.strip()
                    .replaceAll("^[\\p{Punct}–]+|[\\p{Punct}–]+$", "")
                    .strip();
            if (trimmed.codePoints().filter(Character::isLetter).count() >= 3) {
                parts.add(trimmed);
            }
        }
        return parts;
    }

    private static String page(String region, YearMonth month, String lang) {
        return given().queryParam("region", region)
                .queryParam("month", month.toString())
                .queryParam("lang", lang)
                .get("/driftinfo")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
