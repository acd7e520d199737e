package se.driftinfo.notifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;

/** The month view of /driftinfo: a real table of Swedish weeks, each day's windows and outages. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class DriftinfoMonthViewTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void aMonthIsATableOfMondayFirstWeeksListingEachDaysWindowsInStockholmTimeWithCancellationsStruckThrough() {
        String region = newRegion();
        YearMonth month = YearMonth.now(STOCKHOLM).plusMonths(2);
        LocalDate firstWednesday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
        LocalDate secondWednesday = firstWednesday.plusWeeks(1);
        LocalDate thirdWednesday = firstWednesday.plusWeeks(2);
        LocalDate movedTo = thirdWednesday.plusDays(1);
        String weekly = "Veckostopp " + UUID.randomUUID();
        LocalDateTime start = firstWednesday.atTime(17, 0);
        Events.window(
                EventTypes.WINDOW_UPDATED,
                window(
                        weekly,
                        region,
                        "Europe/Stockholm",
                        start,
                        start.plusHours(6),
                        "FREQ=WEEKLY;BYDAY=WE",
                        List.of(
                                new OccurrenceExceptionV1(
                                        secondWednesday.atTime(17, 0), "CANCELLED", null, null, "Semester", 1),
                                new OccurrenceExceptionV1(
                                        thirdWednesday.atTime(17, 0),
                                        "MOVED",
                                        movedTo.atTime(18, 0),
                                        movedTo.atTime(22, 0),
                                        null,
                                        2))),
                null);
        // Planned in London's zone: the page shows Stockholm's time, an hour later.
        LocalDate firstMonday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        String london = "Byte av växel " + UUID.randomUUID();
        Events.window(
                EventTypes.WINDOW_SCHEDULED,
                window(
                        london,
                        region,
                        "Europe/London",
                        firstMonday.atTime(16, 0),
                        firstMonday.atTime(18, 0),
                        null,
                        List.of()),
                null);
        LocalDate firstFriday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY));
        String weekend = "Flytt av datahall " + UUID.randomUUID();
        Events.window(
                EventTypes.WINDOW_SCHEDULED,
                window(
                        weekend,
                        region,
                        "Europe/Stockholm",
                        firstFriday.atTime(22, 0),
                        firstFriday.plusDays(2).atTime(6, 0),
                        null,
                        List.of()),
                null);

        String page = Eventually.until(
                Duration.ofSeconds(20),
                "the month's windows on the page",
                () -> given().queryParam("month", month.toString())
                        .queryParam("region", region)
                        .get("/driftinfo")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                html -> html.contains(weekly) && html.contains(london) && html.contains(weekend));

        String monthName = month.format(DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag("sv-SE")));
        assertTrue(
                page.contains("<caption id=\"month-caption\">Kalender för " + monthName + " – Region " + region
                        + "</caption>"),
                page);
        assertEquals(
                List.of("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
                all(page, "<th scope=\"col\"><abbr title=\"([^\"]+)\">"));
        List<String> rows = all(page, "(?s)<tr><th scope=\"row\">\\d+</th>(.*?)</tr>");
        int leading = month.atDay(1).getDayOfWeek().getValue() - 1;
        assertEquals((leading + month.lengthOfMonth() + 6) / 7, rows.size(), "weeks of the month");
        for (String row : rows) {
            assertEquals(7, all(row, "(<td)").size(), row);
        }
        assertEquals(leading, all(rows.get(0), "(<td class=\"outside\">)").size(), "days before the 1st");
        assertTrue(rows.get(0).contains("<time datetime=\"" + month.atDay(1) + "\">1</time>"));

        assertTrue(cell(page, firstWednesday).contains("17:00–23:00 COSMIC: " + weekly), cell(page, firstWednesday));
        assertTrue(
                cell(page, secondWednesday)
                        .contains("<del>17:00–23:00 COSMIC: " + weekly + "</del> <strong>Inställt</strong>"),
                cell(page, secondWednesday));
        assertFalse(cell(page, thirdWednesday).contains(weekly), "moved away");
        assertTrue(cell(page, movedTo).contains("18:00–22:00 COSMIC: " + weekly + " (flyttad)"), cell(page, movedTo));
        assertTrue(cell(page, firstMonday).contains("17:00–19:00 COSMIC: " + london), cell(page, firstMonday));
        assertTrue(cell(page, firstFriday).contains("från 22:00 COSMIC: " + weekend));
        assertTrue(cell(page, firstFriday.plusDays(1)).contains("hela dagen COSMIC: " + weekend));
        assertTrue(cell(page, firstFriday.plusDays(2)).contains("till 06:00 COSMIC: " + weekend));
        assertFalse(page.contains("aria-current=\"date\""), "today is not in this month");

        // Links to the months around it keep language, region and come back to the month view.
        assertTrue(page.contains("<a href=\"/driftinfo?lang=sv&amp;region=" + region + "&amp;month="
                + month.minusMonths(1) + "#month\" rel=\"prev\">"));
        assertTrue(page.contains("<a href=\"/driftinfo?lang=sv&amp;region=" + region + "&amp;month="
                + month.plusMonths(1) + "#month\" rel=\"next\">"));
        assertTrue(page.contains("<option value=\"" + region + "\" selected>"), "the filter shows its region");
        assertTrue(page.contains("<input type=\"hidden\" name=\"month\" value=\"" + month + "\">"));
        assertTrue(page.contains("href=\"/driftinfo?lang=en&amp;region=" + region + "&amp;month=" + month + "\""));

        String english = given().queryParam("month", month.toString())
                .queryParam("region", region)
                .queryParam("lang", "en")
                .get("/driftinfo")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                all(english, "<th scope=\"col\"><abbr title=\"([^\"]+)\">"));
        assertTrue(english.contains("<caption id=\"month-caption\">Calendar for "
                + month.format(DateTimeFormatter.ofPattern("LLLL yyyy", Locale.ENGLISH)) + " – Region " + region));
        assertTrue(cell(english, secondWednesday).contains("</del> <strong>Cancelled</strong>"));
        assertTrue(cell(english, movedTo).contains(" (moved)"));
        assertTrue(cell(english, firstFriday).contains("from 22:00 COSMIC: " + weekend));
        assertTrue(cell(english, firstFriday.plusDays(1)).contains("all day COSMIC: " + weekend));
        assertTrue(cell(english, firstFriday.plusDays(2)).contains("until 06:00 COSMIC: " + weekend));

        // Another region's month does not show this region's windows.
        String other = newRegion();
        String elsewhere = given().queryParam("month", month.toString())
                .queryParam("region", other)
                .get("/driftinfo")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(elsewhere.contains(weekly));
        assertTrue(elsewhere.contains("Inget planerat underhåll och inga pågående driftstörningar i " + monthName));
    }

    @Test
    void theCurrentMonthMarksTodayAndShowsAnActiveOutageFromItsStartUntilToday() {
        String region = newRegion();
        String title = "Cosmic svarar inte " + UUID.randomUUID();
        UUID outageId = UUID.randomUUID();
        Instant started = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(
                        new OutageV1(
                                outageId,
                                "DS-9",
                                title,
                                region,
                                List.of("cosmic"),
                                "OUTAGE",
                                "INVESTIGATING",
                                started,
                                null,
                                0,
                                started),
                        new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Vi felsöker", started)));

        String page = Eventually.until(
                Duration.ofSeconds(20),
                "the outage on the page",
                () -> given().queryParam("region", region)
                        .get("/driftinfo")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                html -> html.contains(title));

        LocalDate today = LocalDate.now(STOCKHOLM);
        assertEquals(1, all(page, "(aria-current=\"date\")").size());
        assertTrue(
                page.contains("<td id=\"day-" + today + "\" class=\"today\" aria-current=\"date\"><time datetime=\""
                        + today + "\">" + today.getDayOfMonth() + "</time> <span class=\"today-label\">idag</span>"),
                page);
        ZonedDateTime since = started.atZone(STOCKHOLM);
        String expected = since.toLocalDate().equals(today)
                ? "sedan " + since.toLocalTime().truncatedTo(ChronoUnit.MINUTES)
                : "pågår";
        assertTrue(
                cell(page, today).contains("<strong>Störning:</strong> " + expected + " COSMIC: " + title),
                cell(page, today));
        assertTrue(cell(page, today).contains("<li class=\"outage down\">"));
        assertTrue(page.contains("<td>Felsökning pågår</td>"), "the outage's status in words");
        assertFalse(page.contains("INVESTIGATING"));
    }

    @Test
    void theMonthViewGoesAYearBackAndTwoYearsAheadAndRefusesOtherMonthsByName() {
        YearMonth current = YearMonth.now(STOCKHOLM);
        String first = given().queryParam("month", current.minusMonths(12).toString())
                .get("/driftinfo")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(first.contains("rel=\"prev\""));
        assertTrue(first.contains("rel=\"next\""));
        String last = given().queryParam("month", current.plusMonths(24).toString())
                .get("/driftinfo")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(last.contains("rel=\"prev\""));
        assertFalse(last.contains("rel=\"next\""));
        for (String month : List.of(
                "2026-13",
                "december",
                "2026-1",
                current.plusMonths(25).toString(),
                current.minusMonths(13).toString())) {
            given().queryParam("month", month)
                    .get("/driftinfo")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("invalid-params.name", hasItem("month"));
        }
        given().queryParam("region", "atlantis")
                .get("/driftinfo")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalid-params.name", hasItem("region"));
    }

    static WindowV1 window(
            String title,
            String region,
            String zone,
            LocalDateTime start,
            LocalDateTime end,
            String rule,
            List<OccurrenceExceptionV1> exceptions) {
        return new WindowV1(
                UUID.randomUUID(),
                exceptions.size(),
                title,
                null,
                region,
                List.of("cosmic"),
                zone,
                start,
                end,
                rule,
                "SCHEDULED",
                exceptions,
                null,
                Instant.now());
    }

    /** A region of this test's own, so the page's filter shows only what this test published. */
    static String newRegion() {
        String code = "month-" + UUID.randomUUID().toString().substring(0, 8);
        Events.region(code, "cosmic");
        Eventually.until(
                Duration.ofSeconds(20),
                "region " + code + " in the catalog replica",
                () -> given().queryParam("region", code).get("/driftinfo").statusCode(),
                s -> s == 200);
        return code;
    }

    /** What one day's cell holds. */
    static String cell(String page, LocalDate day) {
        Matcher m = Pattern.compile("(?s)<td id=\"day-" + day + "\"[^>]*>(.*?)</td>")
                .matcher(page);
        assertTrue(m.find(), "no cell for " + day);
        return m.group(1);
    }

    static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
