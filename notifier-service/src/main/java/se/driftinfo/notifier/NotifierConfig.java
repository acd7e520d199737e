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

    Subscriptions subscriptions();

    Feeds feeds();

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

        /** How many mails one sender claims at a time. */
        @WithDefault("20")
        int batchSize();

        /**
         * How many senders work through the queue at once, each over its own SMTP connection (kept
         * open between mails, {@code SmtpClient}).
         */
        @WithDefault("8")
        int senders();

        /**
         * How many subscriptions one batch of an outage's fan-out reads: their mails are rendered and
         * queued in one transaction, and the senders start on them while the next batch is queued.
         */
        @WithDefault("200")
        int fanOutBatch();
    }

    /** Subscriptions and the secrets in their links. */
    interface Subscriptions {
        /**
         * How long a subscription may wait for its address to be confirmed. After that the confirmation
         * link says it has expired, and the unconfirmed subscription (an address someone typed) is deleted.
         */
        @WithDefault("PT48H")
        Duration pendingExpiry();

        /** How often expired unconfirmed subscriptions are deleted ({@code off} disables it, e.g. in tests). */
        @WithDefault("1h")
        String cleanupEvery();

        /**
         * The HMAC key of the unsubscribe links (at least 32 characters; the same on every replica).
         * Changing it breaks the unsubscribe links in mail already sent. No default in production.
         */
        String unsubscribeKey();
    }

    /** The calendar feeds, served from memory (issue #14). */
    interface Feeds {
        /**
         * How often each replica checks whether another replica changed what the feeds show (one small
         * query). The longest a feed on one replica lags a change consumed by another.
         */
        @WithDefault("1s")
        String versionCheckEvery();
    }
}
