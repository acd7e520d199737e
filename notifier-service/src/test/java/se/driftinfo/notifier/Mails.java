package se.driftinfo.notifier;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Finds the parts of a received MIME message. */
public final class Mails {

    private Mails() {}

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The first part whose content type starts with {@code type}, e.g. {@code text/plain}. */
    public static Optional<Part> part(Part part, String type) {
        try {
            if (part.getContentType().toLowerCase().startsWith(type)) {
                return Optional.of(part);
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<Part> found = part(child, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    public static String text(Part part) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    public static String contentType(Part part) {
        try {
            return part.getContentType();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
