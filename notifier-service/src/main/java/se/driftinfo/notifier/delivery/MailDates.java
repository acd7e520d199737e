package se.driftinfo.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the mail writes them, in the reader's language: "onsdag 20 januari 2027 kl. 17:00–23:00". */
@ApplicationScoped
class MailDates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final DateTimeFormatter sv;
    private final DateTimeFormatter en;

    MailDates(MailTexts texts) {
        this.sv = dayAndTime(texts.in(true));
        this.en = dayAndTime(texts.in(false));
    }

    /** An occurrence; the end shows only its time when it ends the day it starts. */
    String span(ZonedDateTime start, ZonedDateTime end, boolean swedish) {
        DateTimeFormatter day = swedish ? sv : en;
        String to = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : day.format(end);
        return day.format(start) + "–" + to;
    }

    String at(ZonedDateTime at, boolean swedish) {
        return (swedish ? sv : en).format(at);
    }

    private static DateTimeFormatter dayAndTime(MailMessages text) {
        return DateTimeFormatter.ofPattern(text.dateTimePattern(), Locale.forLanguageTag(text.locale()));
    }
}
