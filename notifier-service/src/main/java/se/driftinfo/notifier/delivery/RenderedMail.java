package se.driftinfo.notifier.delivery;

/**
 * A mail ready to queue.
 *
 * @param ics calendar body or null; its METHOD must equal {@code icsMethod}
 * @param unsubscribeUrl one-click unsubscribe address (RFC 8058), or null for mail to a non-subscriber
 */
public record RenderedMail(
        MailKind kind, String subject, String text, String html, String ics, String icsMethod, String unsubscribeUrl) {

    /**
     * The subject is a header: one line. Titles come from other services' events; a line break in one
     * must not end the header and start another (a Bcc, say), so control characters become spaces.
     */
    public RenderedMail {
        subject = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
