package se.driftinfo.maintenance.window;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the occurrence lists the API expands. */
@ConfigMapping(prefix = "driftinfo.occurrences")
public interface OccurrencesConfig {

    /**
     * The most occurrences one {@code GET /api/occurrences} may expand. A range holding more is refused
     * (400 naming {@code to}) rather than cut silently, so one request cannot ask for millions.
     */
    @WithDefault("1000")
    int maxPerRequest();
}
