package se.driftinfo.maintenance.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jboss.logging.Logger;
import se.driftinfo.maintenance.window.WindowRepository;
import se.driftinfo.maintenance.window.WindowRequest;
import se.driftinfo.maintenance.window.WindowService;

/**
 * The local run's demo: Norrbotten's FU-stopp, the third Wednesday of every month 17:00–23:00
 * Europe/Stockholm, scheduled through the normal use case, with the body a planner would send, so it is
 * checked and announced like a real one.
 * Off unless {@code driftinfo.demo-data=true} (the %local profile).
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String FU_STOPP = "FU-stopp";

    private final boolean enabled;
    private final WindowService windows;
    private final WindowRepository repository;
    private final Clock clock;

    public DemoData(DemoConfig config, WindowService windows, WindowRepository repository, Clock clock) {
        this.enabled = config.enabled();
        this.windows = windows;
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (!enabled || repository.count("title = ?1 and region = ?2", FU_STOPP, "norrbotten") > 0) {
            return;
        }
        ZoneId zone = ZoneId.of("Europe/Stockholm");
        LocalDate firstOfMonth = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
        LocalDate third = firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
        windows.schedule(new WindowRequest(
                FU_STOPP,
                "Planerat underhåll (FU-stopp) av Cosmic med kringsystem. Vårdenheter arbetar enligt reservrutin.",
                "norrbotten",
                List.of("cosmic", "labportalen", "vas-las"),
                zone.getId(),
                third.atTime(17, 0),
                third.atTime(23, 0),
                "FREQ=MONTHLY;BYDAY=3WE",
                null));
        LOG.infof("Demo data: FU-stopp in Norrbotten, third Wednesday monthly from %s", third);
    }
}
