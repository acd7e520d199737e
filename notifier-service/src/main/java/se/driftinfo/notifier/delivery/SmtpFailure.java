package se.driftinfo.notifier.delivery;

import io.vertx.ext.mail.SMTPException;

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
        SMTPException smtp = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException e && smtp == null) {
                smtp = e;
            }
            root = t;
        }
        if (smtp != null) {
            return new SmtpFailure(
                    smtp.getReplyCode() + " " + smtp.getMessage(),
                    smtp.getReplyCode() >= 500 && smtp.getReplyCode() < 600);
        }
        return new SmtpFailure(root.getClass().getSimpleName() + ": " + root.getMessage(), false);
    }
}
