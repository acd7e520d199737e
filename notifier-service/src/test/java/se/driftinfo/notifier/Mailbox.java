package se.driftinfo.notifier;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import se.driftinfo.infra.InfraTestResource;

/** Reads what the real SMTP server received, per recipient (tests share one server). */
public final class Mailbox {

    private Mailbox() {}

    public static List<MimeMessage> to(String recipient) {
        return InfraTestResource.infrastructure().mail().received().stream()
                .filter(m -> addressedTo(m, recipient))
                .toList();
    }

    public static List<MimeMessage> await(String recipient, int count) {
        try {
            return Eventually.until(
                    Duration.ofSeconds(20),
                    count + " mail(s) to " + recipient,
                    () -> to(recipient),
                    mails -> mails.size() >= count);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; queued for it: " + queued(recipient), e);
        }
    }

    /** Where the sender stands with a recipient's mail: what a timed-out wait needs to say. */
    private static List<?> queued(String recipient) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        Panache.getEntityManager()
                                .createNativeQuery("""
                        select id, kind, status, attempts, next_attempt_at, lease_owner, last_error
                        from delivery where recipient = ?1 order by id""")
                                .setParameter(1, recipient)
                                .getResultList()
                                .stream()
                                .map(row -> Arrays.toString((Object[]) row))
                                .toList());
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }
}
