package se.driftinfo.incident.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportHoursTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final SupportHours NORRBOTTEN =
            SupportHours.daily(STOCKHOLM, LocalTime.of(7, 0), LocalTime.of(16, 0));

    @Test
    void reportAt1550OnMaundyThursdayIsDueAfterEasterMonday() {
        // 2027: Maundy Thursday 25 March, Good Friday 26, Easter Monday 29; DST starts on Easter Sunday.
        Instant due = NORRBOTTEN.addSupportTime(local("2027-03-25T15:50"), Duration.ofHours(1));
        assertEquals(local("2027-03-30T07:50"), due);
        assertEquals(Instant.parse("2027-03-30T05:50:00Z"), due); // CEST, +02:00
    }

    @ParameterizedTest(name = "{0} + {1} support time = {2}")
    @CsvSource({
        "2027-02-03T08:00, PT1H, 2027-02-03T09:00", // inside the day
        "2027-02-03T05:30, PT1H, 2027-02-03T08:00", // before opening: the clock starts at 07:00
        "2027-02-03T18:00, PT1H, 2027-02-04T08:00", // after closing: next morning
        "2027-02-05T15:00, PT2H, 2027-02-08T08:00", // Friday afternoon runs into Monday
        "2027-02-06T10:00, PT30M, 2027-02-08T07:30", // reported on a Saturday
        "2027-02-03T07:00, PT9H, 2027-02-03T16:00", // a whole support day ends at closing
        "2027-02-03T07:00, PT27H, 2027-02-05T16:00", // three support days
        "2027-06-24T15:30, PT2H, 2027-06-28T08:30", // Midsummer Eve (Fri 25 June) and Midsummer Day
        "2026-12-23T15:00, PT2H, 2026-12-28T08:00", // Christmas Eve, Christmas Day, weekend
        "2026-12-30T15:00, PT2H, 2027-01-04T08:00", // New Year's Eve and New Year's Day
        "2027-01-05T15:30, PT1H, 2027-01-07T07:30", // Epiphany
        "2027-05-05T15:00, PT2H, 2027-05-07T08:00", // Ascension Day (Thu 6 May 2027)
        "2026-06-05T15:00, PT2H, 2026-06-08T08:00", // National Day on a Saturday: weekend anyway
        "2028-06-05T15:00, PT2H, 2028-06-07T08:00", // National Day on a Tuesday
        "2027-04-30T15:00, PT2H, 2027-05-03T08:00", // Labour Day on a Saturday, Friday counts
        "2026-04-30T15:00, PT2H, 2026-05-04T08:00" // Labour Day on a Friday
    })
    void supportTimeSkipsNightsWeekendsAndHolidays(String from, Duration supportTime, String expected) {
        assertEquals(local(expected), NORRBOTTEN.addSupportTime(local(from), supportTime));
    }

    @Test
    void alwaysOpenRegionsCountEveryHourIncludingHolidays() {
        SupportHours kronoberg = SupportHours.allHours(STOCKHOLM);
        assertEquals(
                local("2027-03-25T16:50"), kronoberg.addSupportTime(local("2027-03-25T15:50"), Duration.ofHours(1)));
        assertEquals(
                Instant.parse("2026-12-24T20:00:00Z"),
                kronoberg.addSupportTime(Instant.parse("2026-12-24T12:00:00Z"), Duration.ofHours(8)));
    }

    @Test
    void easterDependentHolidaysMoveWithEaster() {
        assertEquals(LocalDate.of(2024, 3, 31), SwedishHolidays.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), SwedishHolidays.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), SwedishHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), SwedishHolidays.easterSunday(2027));
        assertEquals(LocalDate.of(2038, 4, 25), SwedishHolidays.easterSunday(2038));
        assertTrue(SwedishHolidays.isHoliday(LocalDate.of(2025, 4, 18))); // Good Friday
        assertTrue(SwedishHolidays.isHoliday(LocalDate.of(2025, 4, 21))); // Easter Monday
        assertTrue(SwedishHolidays.isHoliday(LocalDate.of(2025, 5, 29))); // Ascension
        assertFalse(SwedishHolidays.isHoliday(LocalDate.of(2025, 4, 17))); // Maundy Thursday is a working day
    }

    @Test
    void midsummerAndAllSaintsFallOnTheirWeekdayInTheirWeek() {
        assertTrue(SwedishHolidays.isHoliday(LocalDate.of(2026, 6, 19))); // Midsummer Eve, earliest Friday
        assertTrue(SwedishHolidays.isHoliday(LocalDate.of(2027, 6, 25))); // latest Friday
        assertFalse(SwedishHolidays.isHoliday(LocalDate.of(2027, 6, 18)));
        assertTrue(SwedishHolidays.isHoliday(LocalDate.of(2026, 10, 31))); // All Saints' Day, Saturday
        assertTrue(SwedishHolidays.isHoliday(LocalDate.of(2027, 11, 6)));
        assertEquals(16, SwedishHolidays.of(2027).size());
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(STOCKHOLM).toInstant();
    }
}
