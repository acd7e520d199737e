package se.driftinfo.notifier.delivery;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The MIME message of one queued mail: text and HTML as alternatives, the calendar part of a window
 * mail beside them, and the headers that make it recognisable ({@code Message-ID} from the row) and
 * unsubscribable in one click (RFC 8058).
 */
final class MailMessage extends MimeMessage {

    private final String messageId;

    private MailMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** The same Message-ID on every attempt, never one the library makes up. */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    static MimeMessage of(Delivery delivery, Session session, InternetAddress from, String messageIdDomain, Date now)
            throws MessagingException {
        MailMessage mail = new MailMessage(session, DeliverySender.messageId(delivery, messageIdDomain));
        mail.setFrom(from);
        mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(delivery.recipient, false));
        mail.setSubject(delivery.subject, "UTF-8");
        mail.setSentDate(now);
        if (delivery.unsubscribeUrl != null) {
            // RFC 8058: mail programs show an unsubscribe button that POSTs to the address.
            mail.setHeader("List-Unsubscribe", "<" + delivery.unsubscribeUrl + ">");
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text(delivery.textBody, "plain"));
        if (delivery.htmlBody != null) {
            alternatives.addBodyPart(text(delivery.htmlBody, "html"));
        }
        if (delivery.ics == null) {
            mail.setContent(alternatives);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(calendar(delivery.ics, delivery.icsMethod));
            mail.setContent(mixed);
        }
        mail.saveChanges();
        return mail;
    }

    private static MimeBodyPart text(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text == null ? "" : text, "UTF-8", subtype);
        return part;
    }

    /** Outlook only acts on the part when its method= equals the body's METHOD. */
    private static MimeBodyPart calendar(String ics, String method) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        String type = "text/calendar; method=" + method + "; charset=UTF-8";
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8), type)));
        part.setHeader("Content-Type", type);
        part.setFileName("driftinfo.ics");
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }
}
