package se.driftinfo.notifier.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 *
 * <p>Each window is planned in a transaction of its own: a window whose reminders cannot be queued
 * (a snapshot that cannot be read, a database error) is logged and counted on {@code
 * driftinfo_reminders_failed_total}, and every other window's reminders still go out; the next run
 * tries it again.
 */
@ApplicationScoped
public class ReminderPlanner {

    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class);

    /** What one run did: mails queued, and windows whose reminders failed (tried again next run). */
    public record Run(int queued, int failedWindows) {}

    private final WindowRepository windows;
    private final Notifications notifications;
    private final List<Duration> leads;
    private final Counter failures;
    private final Clock clock;

    public ReminderPlanner(
            WindowRepository windows,
            Notifications notifications,
            NotifierConfig config,
            MeterRegistry registry,
            Clock clock) {
        this.windows = windows;
        this.notifications = notifications;
        this.leads = config.reminders().before().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        this.failures = Counter.builder("driftinfo.reminders.failed")
                .description("Windows whose reminders could not be queued in a run (tried again in the next)")
                .register(registry);
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

    /** Queues every reminder due at {@code now}, one transaction per window. */
    public Run plan(Instant now) {
        if (leads.isEmpty()) {
            return new Run(0, 0);
        }
        List<UUID> ids = QuarkusTransaction.requiringNew()
                .call(() -> windows.all().stream().map(w -> w.id).toList());
        int queued = 0;
        int failed = 0;
        for (UUID id : ids) {
            try {
                queued += QuarkusTransaction.requiringNew().call(() -> planWindow(id, now));
            } catch (RuntimeException e) {
                failed++;
                failures.increment();
                LOG.errorf(e, "Reminders of window %s could not be queued; the next run tries again", id);
            }
        }
        return new Run(queued, failed);
    }

    private int planWindow(UUID id, Instant now) {
        WindowView view = windows.findById(id);
        if (view == null || view.cancelled()) {
            return 0;
        }
        WindowV1 window = view.window();
        ZonedDateTime from = now.atZone(ZoneOffset.UTC);
        int queued = 0;
        for (Occurrence occurrence : Occurrences.between(window, from, from.plus(leads.get(0)))) {
            Instant start = occurrence.start().toInstant();
            Optional<Duration> lead =
                    dueLead(leads, start, now).filter(l -> notTooSoonAfterAnnouncement(l, start, view.updatedAt));
            if (lead.isPresent()) {
                queued += notifications.remind(window, occurrence, lead.get(), now);
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

    /**
     * A reminder is worth sending only if it falls due at least half its lead after the window was
     * announced (issue #15, gap 7). {@code announced} is the window's {@code updatedAt}: the last
     * change, which subscribers were mailed about with its dates. Announced 62 minutes before the
     * start, the 1-day reminder was due before the announcement and the 1-hour one 2 minutes after it:
     * both would repeat what the reader has just read, so neither is sent. Half the lead scales with
     * the reminder: the 1-hour reminder needs the announcement 90 minutes ahead, the 1-day one 36
     * hours, the 7-day one 10.5 days. A fixed margin (say 15 minutes) would still send a "tomorrow"
     * reminder 20 minutes after the announcement that gave the same date.
     */
    static boolean notTooSoonAfterAnnouncement(Duration lead, Instant start, Instant announced) {
        Instant due = start.minus(lead);
        return !due.isBefore(announced.plus(lead.dividedBy(2)));
    }
}
