package se.driftinfo.incident.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Days the helpdesks do not count as support days: the Swedish public holidays (allmänna helgdagar)
 * plus the eves that are de facto days off (Midsummer Eve, Christmas Eve, New Year's Eve).
 */
public final class SwedishHolidays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1), // Nyårsdagen
            MonthDay.of(1, 6), // Trettondedag jul
            MonthDay.of(5, 1), // Första maj
            MonthDay.of(6, 6), // Sveriges nationaldag
            MonthDay.of(12, 24), // Julafton
            MonthDay.of(12, 25), // Juldagen
            MonthDay.of(12, 26), // Annandag jul
            MonthDay.of(12, 31)); // Nyårsafton

    private SwedishHolidays() {}

    public static boolean isHoliday(LocalDate date) {
        return FIXED.contains(MonthDay.from(date)) || movable(date.getYear()).contains(date);
    }

    /** The holidays of a year, sorted; for pages and tests. */
    public static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new TreeSet<>(movable(year));
        FIXED.forEach(md -> days.add(md.atYear(year)));
        return days;
    }

    private static Set<LocalDate> movable(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate midsummerEve = LocalDate.of(year, 6, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        LocalDate allSaints = LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        return Set.of(
                easter.minusDays(2), // Långfredagen
                easter, // Påskdagen
                easter.plusDays(1), // Annandag påsk
                easter.plusDays(39), // Kristi himmelsfärdsdag
                easter.plusDays(49), // Pingstdagen
                midsummerEve, // Midsommarafton
                midsummerEve.plusDays(1), // Midsommardagen
                allSaints); // Alla helgons dag
    }

    /** Gregorian computus (the anonymous algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
