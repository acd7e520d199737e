package se.driftinfo.maintenance.window;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.Period;

/**
 * Bounds of the dates windows are planned on and of the occurrence lists the API expands, so that no
 * request, however written, makes the service expand a rule for long ({@link PlanningHorizon}).
 */
@ConfigMapping(prefix = "driftinfo.occurrences")
public interface OccurrencesConfig {

    /**
     * The most occurrences one {@code GET /api/occurrences} may expand. A range holding more is refused
     * (400 naming {@code to}) rather than cut silently, so one request cannot ask for millions.
     */
    @WithDefault("1000")
    int maxPerRequest();

    /**
     * The longest range [from, to) one {@code GET /api/occurrences} may ask for; longer is refused (400
     * naming {@code to}).
     */
    @WithDefault("P10Y")
    Period maxRange();

    /**
     * How far ahead of today a window may be planned: its start, a moved occurrence's new start, a
     * change's {@code effectiveFrom}, an occurrence named by date, and the dates of an asked range. Beyond
     * it a date is refused (400 naming the field).
     */
    @WithDefault("P10Y")
    Period horizon();

    /**
     * The first date a window may start on or a range be asked from; earlier is refused (400 naming the
     * field). Nothing was planned in Driftinfo before it.
     */
    @WithDefault("2000-01-01")
    LocalDate earliest();
}
