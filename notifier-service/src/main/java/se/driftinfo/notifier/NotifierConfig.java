package se.driftinfo.notifier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of the notifier; see application.properties for each profile's values. */
@ConfigMapping(prefix = "driftinfo.notifier")
public interface NotifierConfig {

    /** Public base URL of this service, used in feed, confirm and unsubscribe links (no trailing slash). */
    String publicUrl();

    /** Monitored functional mailbox named as ORGANIZER in the calendar invitations we mail. */
    String organizer();

    Reminders reminders();

    Delivery delivery();

    /** Reminders before each occurrence of a window. */
    interface Reminders {
        /** How long before an occurrence's start a reminder goes out; one reminder per entry. */
        @WithDefault("P7D,P1D,PT1H")
        List<Duration> before();

        /** How often the planner looks for due reminders ({@code off} disables it, e.g. in tests). */
        @WithDefault("1m")
        String every();
    }

    /** The mail queue. */
    interface Delivery {
        /** How often the sender looks for due mail. */
        @WithDefault("2s")
        String every();

        /** First retry delay after an SMTP failure; doubles on each further failure. */
        @WithDefault("PT10S")
        Duration backoff();

        /** The longest delay between two attempts. */
        @WithDefault("PT30M")
        Duration maxBackoff();

        /** After this many failed attempts the delivery is given up and marked FAILED. */
        @WithDefault("50")
        int maxAttempts();

        /** How long a claimed mail is reserved for the replica that claimed it before another may retry it. */
        @WithDefault("PT5M")
        Duration lease();

        /** How many mails one run of the sender claims. */
        @WithDefault("20")
        int batchSize();
    }
}
