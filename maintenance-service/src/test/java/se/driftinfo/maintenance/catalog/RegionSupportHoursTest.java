package se.driftinfo.maintenance.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a window touches a region's support hours: the daytime stops a planner must confirm. */
class RegionSupportHoursTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    static Region norrbotten() {
        Region r = new Region();
        r.code = "norrbotten";
        r.name = "Region Norrbotten";
        r.timeZone = STOCKHOLM.getId();
        r.supportOpens = LocalTime.of(7, 0);
        r.supportCloses = LocalTime.of(16, 0);
        return r;
    }

    static boolean during(Region r, String start, String end) {
        return r.duringSupportHours(at(start), at(end));
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(STOCKHOLM).toInstant();
    }

    @Test
    void aWeekdayMorningIsDuringSupportHours() {
        assertTrue(during(norrbotten(), "2027-02-01T10:00", "2027-02-01T12:00"));
        assertTrue(during(norrbotten(), "2027-02-01T15:00", "2027-02-01T17:00"), "overlapping the closing hour");
    }

    @Test
    void anEveningAWeekendAndTheEdgesAreNot() {
        assertFalse(during(norrbotten(), "2027-01-20T17:00", "2027-01-20T23:00"), "FU-stopp");
        assertFalse(during(norrbotten(), "2027-02-06T10:00", "2027-02-06T12:00"), "a Saturday");
        assertFalse(during(norrbotten(), "2027-02-01T16:00", "2027-02-01T18:00"), "starting at closing time");
        assertFalse(during(norrbotten(), "2027-02-01T05:00", "2027-02-01T07:00"), "ending at opening time");
    }

    @Test
    void aNightIntoAWeekdayMorningIs() {
        assertTrue(during(norrbotten(), "2027-02-07T22:00", "2027-02-08T08:00"), "Sunday night into Monday");
    }

    @Test
    void aRegionOpenAroundTheClockIsAlwaysInSupportHours() {
        Region r = norrbotten();
        r.supportAlwaysOpen = true;
        assertTrue(during(r, "2027-02-06T02:00", "2027-02-06T03:00"));
    }
}
