package se.driftinfo.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.driftinfo.infra.Driftinfo;
import se.driftinfo.infra.Staff;

/**
 * A series planned through maintenance-service, with one occurrence cancelled and one moved, read back
 * from the notifier's feed by biweekly — a parser independent of the iCal4j that wrote it, using the
 * feed's own VTIMEZONE rather than the JVM's zone data — and compared with third Wednesdays computed
 * here with java.time. Runs on the system shared by all system tests ({@link RunningSystem}).
 */
@ExtendWith(RunningSystem.class)
class FeedInteropIT {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static Driftinfo system;

    @BeforeAll
    static void start() {
        system = RunningSystem.system();
    }

    @Test
    void anIndependentParserExpandsTheFeedToTheThirdWednesdaysWithTheExceptions() throws Exception {
        Map<String, Object> window = new HashMap<>();
        window.put("title", "TakeCare FU-stopp");
        window.put("region", "dalarna");
        window.put("systems", List.of("takecare"));
        window.put("timeZone", "Europe/Stockholm");
        window.put("start", "2027-01-20T17:00");
        window.put("end", "2027-01-20T23:00");
        window.put("recurrence", "FREQ=MONTHLY;BYDAY=3WE");
        String id = planner()
                .body(window)
                .post("/api/maintenance-windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        planner()
                .body(Map.of("reason", "Semester"))
                .post("/api/maintenance-windows/" + id + "/occurrences/2027-07-21/cancel")
                .then()
                .statusCode(200);
        planner()
                .body(Map.of("start", "2027-03-24T18:00", "end", "2027-03-24T22:00"))
                .post("/api/maintenance-windows/" + id + "/occurrences/2027-03-17/move")
                .then()
                .statusCode(200);

        String feed = awaitFeed(
                "/feeds/regions/dalarna.ics",
                f -> f.contains("TakeCare FU-stopp") && f.contains("EXDATE") && f.contains("RECURRENCE-ID"));

        List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(feed).warnings(warnings).first();
        assertNotNull(calendar, "biweekly could not read the feed");
        warnings.forEach(w -> assertTrue(w.isEmpty(), "biweekly warns: " + w));
        VEvent master = null;
        Map<Instant, Instant> overrides = new HashMap<>();
        for (VEvent e : calendar.getEvents()) {
            if (!e.getSummary().getValue().contains("TakeCare FU-stopp")) {
                continue;
            }
            if (e.getRecurrenceId() == null) {
                master = e;
            } else {
                overrides.put(
                        e.getRecurrenceId().getValue().toInstant(),
                        e.getDateStart().getValue().toInstant());
            }
        }
        assertNotNull(master, "no series master in the feed");
        TimezoneAssignment zone = calendar.getTimezoneInfo().getTimezone(master.getDateStart());
        assertNotNull(zone, "DTSTART's TZID has no VTIMEZONE");
        assertEquals("Europe/Stockholm", zone.getComponent().getTimezoneId().getValue());
        TimeZone feedZone = zone.getTimeZone();

        Set<Instant> fromFeed = new TreeSet<>();
        Instant until = LocalDate.of(2029, 1, 1).atStartOfDay(STOCKHOLM).toInstant();
        DateIterator it = master.getDateIterator(feedZone);
        while (it.hasNext()) {
            Date d = it.next();
            if (!d.toInstant().isBefore(until)) {
                break;
            }
            fromFeed.add(overrides.getOrDefault(d.toInstant(), d.toInstant()));
        }

        Set<Instant> expected = new TreeSet<>();
        for (int m = 0; m < 24; m++) {
            LocalDate day = LocalDate.of(2027, 1, 1)
                    .plusMonths(m)
                    .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
            expected.add(day.atTime(17, 0).atZone(STOCKHOLM).toInstant());
        }
        expected.remove(
                LocalDate.of(2027, 7, 21).atTime(17, 0).atZone(STOCKHOLM).toInstant());
        expected.remove(
                LocalDate.of(2027, 3, 17).atTime(17, 0).atZone(STOCKHOLM).toInstant());
        expected.add(LocalDate.of(2027, 3, 24).atTime(18, 0).atZone(STOCKHOLM).toInstant());
        assertEquals(expected, fromFeed);
    }

    private static RequestSpecification planner() {
        // The planner demo account's bearer token from the system's OIDC provider (Keycloak).
        return Staff.as("planner")
                .baseUri(system.service("maintenance-service").url())
                .contentType(ContentType.JSON);
    }

    private static String awaitFeed(String path, java.util.function.Predicate<String> ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String feed = "";
        while (System.nanoTime() < deadline) {
            feed = given().baseUri(system.service("notifier-service").url())
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            if (ready.test(feed)) {
                return feed;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The feed never showed the window with its exceptions:\n" + feed);
    }
}
