package se.driftinfo.system.fault;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import se.driftinfo.infra.MailServer;

/**
 * What the fault suite's mail server received, read as a recipient would: who got which subject, and
 * each copy's Message-ID (what a mail program uses to recognise a duplicate). Headers are parsed once
 * per message: the suite polls thousands of mails.
 */
final class Mailbox {

    /** One copy in one recipient's mailbox. */
    record Mail(String to, String subject, String messageId) {}

    private final MailServer server;
    private final Map<MimeMessage, Mail> parsed = new IdentityHashMap<>();

    Mailbox(MailServer server) {
        this.server = server;
    }

    /**
     * Every copy delivered to a recipient {@code to} accepts whose subject contains {@code subject}
     * (case-insensitive). A message is filed once per recipient, as mailboxes hold it.
     */
    synchronized List<Mail> mails(Predicate<String> to, String subject) {
        String wanted = subject.toLowerCase(Locale.ROOT);
        return server.received().stream()
                .map(m -> parsed.computeIfAbsent(m, Mailbox::parse))
                .filter(m ->
                        to.test(m.to()) && m.subject().toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
    }

    /** How many copies each recipient got, for the recipients {@code to} accepts. */
    Map<String, Long> copiesPerRecipient(Predicate<String> to, String subject) {
        return mails(to, subject).stream()
                .collect(Collectors.groupingBy(Mail::to, TreeMap::new, Collectors.counting()));
    }

    /** The recipients {@code to} accepts that got the mail other than exactly once, with their count. */
    static Map<String, Long> notExactlyOnce(Map<String, Long> copies, List<String> expected) {
        Map<String, Long> wrong = new TreeMap<>();
        for (String r : expected) {
            long n = copies.getOrDefault(r, 0L);
            if (n != 1) {
                wrong.put(r, n);
            }
        }
        copies.forEach((r, n) -> {
            if (!expected.contains(r)) {
                wrong.put(r + " (not expected)", n);
            }
        });
        return wrong;
    }

    /** The text of the first mail to {@code to} with {@code subject} in its subject, soft line breaks undone. */
    String text(String to, String subject) {
        String wanted = subject.toLowerCase(Locale.ROOT);
        for (MimeMessage m : server.received()) {
            Mail mail;
            synchronized (this) {
                mail = parsed.computeIfAbsent(m, Mailbox::parse);
            }
            if (mail.to().equals(to) && mail.subject().toLowerCase(Locale.ROOT).contains(wanted)) {
                return com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(m)
                        .replace("=\r\n", "");
            }
        }
        return null;
    }

    private static String address(jakarta.mail.Address a) {
        String s = a instanceof jakarta.mail.internet.InternetAddress i ? i.getAddress() : a.toString();
        return s.toLowerCase(Locale.ROOT);
    }

    private static Mail parse(MimeMessage m) {
        try {
            var to = m.getRecipients(Message.RecipientType.TO);
            return new Mail(
                    to == null || to.length == 0 ? "" : address(to[0]),
                    String.valueOf(m.getSubject()),
                    String.valueOf(m.getMessageID()));
        } catch (MessagingException e) {
            return new Mail("", "", "unreadable: " + e.getMessage());
        }
    }
}
