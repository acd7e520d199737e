package se.driftinfo.system.browser;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.driftinfo.system.RunningSystem;

/** The mail the running system has sent (to its SMTP server), for tests that follow a link in it. */
public final class Mails {

    private Mails() {}

    /**
     * Waits up to a minute for a mail to {@code to} with a link containing {@code pathPart} and returns
     * the whole link, to open in the browser as the recipient would.
     */
    public static String link(String to, String pathPart) {
        Pattern link = Pattern.compile("https?://[^\\s\"'<>]*" + Pattern.quote(pathPart) + "[^\\s\"'<>]*");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : RunningSystem.system().infrastructure().mail().received()) {
                if (isTo(m, to)) {
                    // Undo quoted-printable soft line breaks so links read whole.
                    String raw = GreenMailUtil.getWholeMessage(m).replace("=\r\n", "");
                    Matcher found = link.matcher(raw);
                    if (found.find()) {
                        return found.group();
                    }
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail to " + to + " with a link to " + pathPart + " within a minute");
    }

    private static boolean isTo(MimeMessage m, String to) {
        try {
            Address[] recipients = m.getAllRecipients();
            return recipients != null
                    && recipients.length > 0
                    && recipients[0].toString().equals(to);
        } catch (MessagingException e) {
            return false;
        }
    }
}
