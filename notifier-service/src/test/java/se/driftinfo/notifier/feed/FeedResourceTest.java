package se.driftinfo.notifier.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceChangeV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.OccurrenceExceptionV1;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class FeedResourceTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final String REGION = "feedtest";
    static final LocalDateTime FIRST = LocalDateTime.of(2027, 1, 20, 17, 0);
    static final LocalDateTime CANCELLED = LocalDateTime.of(2027, 7, 21, 17, 0);
    static final LocalDateTime MOVED_FROM = LocalDateTime.of(2027, 3, 17, 17, 0);
    static final LocalDateTime MOVED_TO = LocalDateTime.of(2027, 3, 24, 18, 0);

    static UUID windowId;

    /** Once per class, but after Quarkus has set the HTTP port (a static @BeforeAll runs too early). */
    @BeforeEach
    void scheduleCancelAndMove() {
        if (windowId != null) {
            return;
        }
        Events.region(REGION, "cosmic", "labportalen");
        windowId = UUID.randomUUID();
        Instant t = Instant.parse("2026-12-01T09:00:00Z");
        WindowV1 scheduled = Events.window(
                windowId,
                0,
                REGION,
                List.of("cosmic"),
                FIRST,
                FIRST.plusHours(6),
                "FREQ=MONTHLY;BYDAY=3WE",
                List.of(),
                t);
        Events.window(EventTypes.WINDOW_SCHEDULED, scheduled, null);
        OccurrenceExceptionV1 cancel = new OccurrenceExceptionV1(CANCELLED, "CANCELLED", null, null, "Semester", 1);
        WindowV1 afterCancel = Events.window(
                windowId,
                1,
                REGION,
                List.of("cosmic"),
                FIRST,
                FIRST.plusHours(6),
                "FREQ=MONTHLY;BYDAY=3WE",
                List.of(cancel),
                t.plusSeconds(60));
        Events.window(EventTypes.OCCURRENCE_CANCELLED, afterCancel, new OccurrenceChangeV1(CANCELLED, null, null));
        OccurrenceExceptionV1 move =
                new OccurrenceExceptionV1(MOVED_FROM, "MOVED", MOVED_TO, MOVED_TO.plusHours(4), null, 2);
        WindowV1 afterMove = Events.window(
                windowId,
                2,
                REGION,
                List.of("cosmic"),
                FIRST,
                FIRST.plusHours(6),
                "FREQ=MONTHLY;BYDAY=3WE",
                List.of(cancel, move),
                t.plusSeconds(120));
        Events.window(
                EventTypes.OCCURRENCE_MOVED,
                afterMove,
                new OccurrenceChangeV1(MOVED_FROM, MOVED_TO, MOVED_TO.plusHours(4)));
        awaitFeedWith("SEQUENCE:2");
        // The catalog arrives on its own topic, possibly after the windows: wait for the region's name.
        Eventually.until(
                Duration.ofSeconds(30),
                "the region name from the catalog",
                () -> given().get("/feeds/regions/" + REGION + ".ics").asString(),
                feed -> feed.contains("X-WR-CALNAME:Driftinfo – Region " + REGION));
    }

    @Test
    void feedOccurrencesFor24MonthsMatchTheRuleWithCancelledRemovedAndMovedMoved() throws Exception {
        Calendar calendar = parse(get("/feeds/regions/" + REGION + ".ics").asString());
        List<VEvent> series = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().get().getValue().equals(VEventsUid.of(windowId)))
                .toList();
        VEvent master = series.stream()
                .filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty())
                .findFirst()
                .orElseThrow();

        // Expand what the feed says, as a client would: RRULE from DTSTART, minus EXDATEs, plus overrides.
        ZonedDateTime seed = zoned(master.getProperty(Property.DTSTART).get());
        Recur<ZonedDateTime> rule =
                master.<RRule<ZonedDateTime>>getProperty(Property.RRULE).get().getRecur();
        List<Instant> excluded = new ArrayList<>();
        for (Property p : master.getProperties(Property.EXDATE)) {
            for (Object d : ((ExDate<?>) p).getDates()) {
                excluded.add(Instant.from((Temporal) d));
            }
        }
        Map<Instant, Instant> overrides = new TreeMap<>();
        for (VEvent e : series) {
            if (e.getProperty(Property.RECURRENCE_ID).isPresent()) {
                overrides.put(
                        zoned(e.getProperty(Property.RECURRENCE_ID).get()).toInstant(),
                        zoned(e.getProperty(Property.DTSTART).get()).toInstant());
            }
        }
        ZonedDateTime until = seed.plusMonths(24);
        List<Instant> fromFeed = new ArrayList<>();
        for (ZonedDateTime d : rule.getDates(seed, seed, until)) {
            Instant start = d.toInstant();
            if (!excluded.contains(start)) {
                fromFeed.add(overrides.getOrDefault(start, start));
            }
        }

        // Independently: every third Wednesday at 17:00 Stockholm time for 24 months.
        List<Instant> expected = new ArrayList<>();
        for (LocalDate month = FIRST.toLocalDate().withDayOfMonth(1);
                month.isBefore(LocalDate.of(2029, 1, 20));
                month = month.plusMonths(1)) {
            LocalDate day = month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
            LocalDateTime start = LocalDateTime.of(day, LocalTime.of(17, 0));
            if (start.equals(CANCELLED)) {
                continue;
            }
            expected.add((start.equals(MOVED_FROM) ? MOVED_TO : start)
                    .atZone(STOCKHOLM)
                    .toInstant());
        }
        assertEquals(expected, fromFeed);
        assertEquals(24, fromFeed.size(), "25 third Wednesdays in 24 months, one cancelled");
        // 17:00 Stockholm is 16:00 UTC in winter and 15:00 UTC in summer: the zone really is applied.
        assertTrue(fromFeed.contains(Instant.parse("2027-01-20T16:00:00Z")));
        assertTrue(fromFeed.contains(Instant.parse("2027-06-16T15:00:00Z")));
        assertFalse(fromFeed.contains(Instant.parse("2027-07-21T15:00:00Z")), "cancelled occurrence is gone");
        assertTrue(fromFeed.contains(Instant.parse("2027-03-24T17:00:00Z")), "moved occurrence at its new time");
        assertFalse(fromFeed.contains(Instant.parse("2027-03-17T16:00:00Z")), "moved occurrence not at its old time");
    }

    @Test
    void feedFollowsTheRulesCalendarClientsNeed() throws Exception {
        Response response = get("/feeds/regions/" + REGION + ".ics");
        response.then().statusCode(200).header("Content-Type", equalTo("text/calendar; charset=utf-8"));
        byte[] bytes = response.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(text.replace("\r\n", "").contains("\r"), "no bare CR");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "line over 75 octets: " + line);
        }
        String unfolded = text.replace("\r\n ", "");
        String uid = VEventsUid.of(windowId);
        assertTrue(unfolded.contains("X-WR-CALNAME:Driftinfo – Region " + REGION + "\r\n"));
        assertTrue(unfolded.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
        assertTrue(unfolded.contains("X-PUBLISHED-TTL:PT1H\r\n"));
        String vtimezone = unfolded.substring(unfolded.indexOf("BEGIN:VTIMEZONE"), unfolded.indexOf("END:VTIMEZONE"));
        assertTrue(vtimezone.contains("\r\nTZID:Europe/Stockholm\r\n"), "VTIMEZONE says Stockholm");
        assertTrue(
                vtimezone.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"),
                "summer time from last Sunday of March");
        assertTrue(vtimezone.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"), "until last Sunday of October");
        assertFalse(vtimezone.contains("DTSTART:1916"), "Berlin's history is not in Stockholm's definition");
        assertEquals(1, unfolded.split("BEGIN:VTIMEZONE", -1).length - 1, "one VTIMEZONE per zone used");
        assertFalse(unfolded.contains("Europe/Berlin"));
        assertFalse(unfolded.contains("TZURL"));
        assertTrue(unfolded.contains("DTSTART;TZID=Europe/Stockholm:20270120T170000\r\n"));
        assertTrue(unfolded.contains("RRULE:FREQ=MONTHLY;BYDAY=3WE\r\n"));
        assertTrue(unfolded.contains("EXDATE;TZID=Europe/Stockholm:20270721T170000\r\n"));
        assertTrue(unfolded.contains("RECURRENCE-ID;TZID=Europe/Stockholm:20270317T170000\r\n"));
        assertTrue(unfolded.contains("DTSTART;TZID=Europe/Stockholm:20270324T180000\r\n"));
        assertTrue(unfolded.contains("DTSTAMP:20261201T090200Z\r\n"), "DTSTAMP from the data, not now");
        assertEquals(2, unfolded.split("UID:" + uid + "\r\n", -1).length - 1, "master and one override share the UID");
        assertEquals(1, unfolded.split("BEGIN:VCALENDAR", -1).length - 1);

        // Every TZID used has its VTIMEZONE with both STANDARD and DAYLIGHT.
        Calendar calendar = parse(text);
        var validation = calendar.validate();
        assertFalse(validation.hasErrors(), "iCal4j's RFC 5545 validator: " + validation);
        VTimeZone zone = calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .filter(z -> z.getTimeZoneId().getValue().equals("Europe/Stockholm"))
                .findFirst()
                .orElseThrow();
        assertFalse(zone.getComponents("STANDARD").isEmpty());
        assertFalse(zone.getComponents("DAYLIGHT").isEmpty());
    }

    @Test
    void unchangedFeedAnswers304AndAChangeGivesANewEtagAndRaisedSequence() {
        Response first = get("/feeds/regions/" + REGION + ".ics");
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""));
        assertEquals(first.asString(), get("/feeds/regions/" + REGION + ".ics").asString(), "stable bytes");
        given().header("If-None-Match", etag)
                .when()
                .get("/feeds/regions/" + REGION + ".ics")
                .then()
                .statusCode(304);

        UUID other = UUID.randomUUID();
        LocalDateTime start = LocalDateTime.of(2027, 5, 5, 6, 0);
        WindowV1 oneOff = Events.window(
                other,
                0,
                REGION,
                List.of("labportalen"),
                start,
                start.plusHours(2),
                null,
                List.of(),
                Instant.parse("2027-01-01T00:00:00Z"));
        Events.window(EventTypes.WINDOW_SCHEDULED, oneOff, null);
        Events.window(
                EventTypes.WINDOW_UPDATED,
                new WindowV1(
                        other,
                        1,
                        "FU-stopp (ändrad)",
                        null,
                        REGION,
                        List.of("labportalen"),
                        "Europe/Stockholm",
                        start.plusHours(1),
                        start.plusHours(3),
                        null,
                        "SCHEDULED",
                        List.of(),
                        null,
                        Instant.parse("2027-01-02T00:00:00Z")),
                null);
        String changed = Eventually.until(
                Duration.ofSeconds(20),
                "the update in the feed",
                () -> get("/feeds/regions/" + REGION + ".ics").asString().replace("\r\n ", ""),
                feed -> feed.contains("SUMMARY:FU-stopp (ändrad)"));
        assertTrue(changed.contains("DTSTART;TZID=Europe/Stockholm:20270505T070000"));
        given().header("If-None-Match", etag)
                .when()
                .get("/feeds/regions/" + REGION + ".ics")
                .then()
                .statusCode(200);
        assertNotEquals(etag, get("/feeds/regions/" + REGION + ".ics").header("ETag"));
        String systemFeed = get("/feeds/systems/labportalen.ics").asString().replace("\r\n ", "");
        assertTrue(systemFeed.contains("UID:window-" + other + "@driftinfo.se\r\nDTSTAMP:20270102T000000Z\r\n"
                + "LAST-MODIFIED:20270102T000000Z\r\nSEQUENCE:1\r\n"));
    }

    @Test
    void openOutageIsShownUntilResolved() {
        UUID id = UUID.randomUUID();
        Instant started = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        OutageV1 declared = new OutageV1(
                id,
                "DS-2027-000042",
                "Cosmic svarar inte",
                REGION,
                List.of("cosmic"),
                "OUTAGE",
                "INVESTIGATING",
                started,
                null,
                0,
                started);
        Events.publish(
                Topics.INCIDENTS,
                id.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(declared, new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Vi felsöker", started)));
        String uid = "UID:outage-" + id + "@driftinfo.se";
        VEvent open = Eventually.until(
                Duration.ofSeconds(20), "the outage in the feed", () -> outageEvent(uid), e -> e != null);
        Instant openEnd = zoned(open.getProperty(Property.DTEND).get()).toInstant();
        assertTrue(openEnd.isAfter(Instant.now()), "an open outage reaches past now");

        Instant resolved = started.plus(Duration.ofHours(2));
        OutageV1 done = new OutageV1(
                id,
                "DS-2027-000042",
                "Cosmic svarar inte",
                REGION,
                List.of("cosmic"),
                "OUTAGE",
                "RESOLVED",
                started,
                resolved,
                1,
                resolved);
        Events.publish(
                Topics.INCIDENTS,
                id.toString(),
                EventTypes.OUTAGE_RESOLVED,
                new OutageEventV1(done, new OutageEventV1.StatusUpdateV1("RESOLVED", "Åtgärdat", resolved)));
        VEvent closed = Eventually.until(
                Duration.ofSeconds(20),
                "the resolved outage",
                () -> outageEvent(uid),
                e -> e != null
                        && e.getProperty(Property.SEQUENCE).get().getValue().equals("1"));
        assertEquals(resolved, zoned(closed.getProperty(Property.DTEND).get()).toInstant());
        assertEquals(started, zoned(closed.getProperty(Property.DTSTART).get()).toInstant());
    }

    @Test
    void unknownRegionIsAProblemNotAnEmptyFeed() {
        given().when()
                .get("/feeds/regions/gotland.ics")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().when().get("/feeds/s/not-a-token.ics").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void allFeedCarriesEveryRegionsWindows() {
        String all = get("/feeds/all.ics").asString().replace("\r\n ", "");
        assertTrue(all.contains("UID:" + VEventsUid.of(windowId)));
        given().when()
                .get("/feeds/all.ics")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private VEvent outageEvent(String uidLine) {
        String feed = get("/feeds/regions/" + REGION + ".ics").asString();
        if (!feed.replace("\r\n ", "").contains(uidLine)) {
            return null;
        }
        String uid = uidLine.substring(4);
        try {
            return parse(feed).<VEvent>getComponents("VEVENT").stream()
                    .filter(e -> e.getUid().get().getValue().equals(uid))
                    .findFirst()
                    .orElse(null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitFeedWith(String text) {
        Eventually.until(
                Duration.ofSeconds(30),
                "the window in the feed",
                () -> given().get("/feeds/all.ics").asString().replace("\r\n ", ""),
                feed -> feed.contains("UID:" + VEventsUid.of(windowId) + "\r\n") && feed.contains(text));
    }

    private static Response get(String path) {
        return given().when().get(path).then().extract().response();
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    /** Any parsed date-time property as a ZonedDateTime, whatever zone object iCal4j chose (#661). */
    static ZonedDateTime zoned(Property property) {
        Temporal value = (Temporal) ((DateProperty<?>) property).getDate();
        return ZonedDateTime.ofInstant(Instant.from(value), STOCKHOLM);
    }

    /** The UID the feed must use for a window: stable, derived from the window id. */
    static final class VEventsUid {
        static String of(UUID window) {
            return "window-" + window + "@driftinfo.se";
        }
    }
}
