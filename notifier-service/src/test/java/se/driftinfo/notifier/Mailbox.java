package se.driftinfo.notifier;

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
        return Eventually.until(
                Duration.ofSeconds(20),
                count + " mail(s) to " + recipient,
                () -> to(recipient),
                mails -> mails.size() >= count);
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
