package se.driftinfo.notifier.delivery;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why a mail could not be sent, and whether trying again can help. The SMTP reply code says: 5xx is
 * a permanent refusal (no such mailbox, relaying denied, message refused), so sending the same mail
 * again gets the same answer; 4xx (mailbox busy, greylisting, server shutting down) and failures to
 * reach the server at all (refused connection, timeout, TLS) are transient and retried with backoff.
 * Anything unrecognised counts as transient: a wrong guess costs retries, never a lost mail.
 */
record SmtpFailure(String message, boolean permanent) {

    static SmtpFailure of(Throwable failure) {
        Throwable root = failure;
        Reply reply = null;
        // MessagingException's cause is its next exception: the server's reply to a recipient is in there.
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Reply r = Reply.of(t);
            if (r != null && r.code >= 400 && reply == null) {
                reply = r;
            }
            root = t;
        }
        if (reply != null) {
            String text = reply.text == null ? "" : reply.text.strip();
            return new SmtpFailure(
                    text.startsWith(String.valueOf(reply.code)) ? text : reply.code + " " + text,
                    reply.code >= 500 && reply.code < 600);
        }
        return new SmtpFailure(root.getClass().getSimpleName() + ": " + root.getMessage(), false);
    }

    /** The server's reply code and words, where the exception carries them. */
    private record Reply(int code, String text) {
        static Reply of(Throwable t) {
            if (t instanceof SMTPAddressFailedException e) {
                return new Reply(e.getReturnCode(), e.getMessage());
            }
            if (t instanceof SMTPSenderFailedException e) {
                return new Reply(e.getReturnCode(), e.getMessage());
            }
            if (t instanceof SMTPSendFailedException e) {
                return new Reply(e.getReturnCode(), e.getMessage());
            }
            return null;
        }
    }
}
