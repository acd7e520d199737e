package se.driftinfo.maintenance.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The local run's demo data. */
@ConfigMapping(prefix = "driftinfo")
public interface DemoConfig {

    /**
     * Whether to schedule Norrbotten's FU-stopp on start-up if it is missing; {@code true} in the
     * {@code local} profile only, so production never holds demo windows.
     */
    @WithName("demo-data")
    @WithDefault("false")
    boolean enabled();
}
