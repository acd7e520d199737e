package se.driftinfo.notifier.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.notifier.NotifierConfig;
import se.driftinfo.notifier.delivery.Notifications;
import se.driftinfo.notifier.window.Occurrence;
import se.driftinfo.notifier.window.Occurrences;
import se.driftinfo.notifier.window.WindowRepository;
import se.driftinfo.notifier.window.WindowView;

/**
 * Queues reminders before each occurrence (by default 7 days, 1 day and 1 hour before). Nothing is
 * held in memory: each run derives what is due from the windows in the database, and the delivery
 * table's unique (event, recipient) key makes a reminder go out once however many runs or replicas
 * see it. If the service was down through a reminder's time, only the latest one due is sent.
 */
@ApplicationScoped
public class ReminderPlanner {

    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class);

    private final WindowRepository windows;
    private final Notifications notifications;
    private final List<Duration> leads;
    private final Clock clock;

    public ReminderPlanner(WindowRepository windows, Notifications notifications, NotifierConfig config, Clock clock) {
        this.windows = windows;
        this.notifications = notifications;
        this.leads = config.reminders().before().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        this.clock = clock;
    }

    @Scheduled(
            every = "${driftinfo.notifier.reminders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            plan(Instant.now(clock));
        } catch (RuntimeException e) {
            LOG.warnf("Reminder run failed, the next run retries: %s", e.getMessage());
        }
    }

    /** Queues every reminder due at {@code now}; returns how many mails were queued. */
    @Transactional
    public int plan(Instant now) {
        if (leads.isEmpty()) {
            return 0;
        }
        ZonedDateTime from = now.atZone(ZoneOffset.UTC);
        ZonedDateTime to = from.plus(leads.get(0));
        int queued = 0;
        for (WindowView view : windows.all()) {
            if (view.cancelled()) {
                continue;
            }
            WindowV1 window = view.window();
            for (Occurrence occurrence : Occurrences.between(window, from, to)) {
                Optional<Duration> lead = dueLead(leads, occurrence.start().toInstant(), now);
                if (lead.isPresent()) {
                    queued += notifications.remind(window, occurrence, lead.get());
                }
            }
        }
        return queued;
    }

    /**
     * The shortest lead whose time has come, for an occurrence not yet started: 20 hours before,
     * with leads 7 days and 1 day, that is the 1-day reminder (a missed 7-day one is not sent late).
     */
    static Optional<Duration> dueLead(List<Duration> leads, Instant start, Instant now) {
        if (!now.isBefore(start)) {
            return Optional.empty();
        }
        Duration due = null;
        for (Duration lead : leads) { // longest first
            if (!now.isBefore(start.minus(lead))) {
                due = lead;
            }
        }
        return Optional.ofNullable(due);
    }
}
