package se.driftinfo.notifier.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The SMTP relay the notifier sends through ({@link SmtpClient}): {@code driftinfo.smtp.*}, or
 * {@code DRIFTINFO_SMTP_*} in the environment. (They were {@code quarkus.mailer.*} until Quarkus Mailer
 * was replaced; keeping Quarkus' names would have had Quarkus warn at every start that they are unknown.)
 */
@ConfigMapping(prefix = "driftinfo.smtp")
public interface SmtpConfig {

    /** Sender of every mail, e.g. {@code Driftinfo <driftinfo@driftinfo.se>}; also the envelope sender. */
    String from();

    /** The relay's host name. */
    @WithDefault("localhost")
    String host();

    /** The relay's port. */
    @WithDefault("25")
    int port();

    /** User name, if the relay requires authentication (with {@link #password()}). */
    Optional<String> username();

    /** Password for {@link #username()}. */
    Optional<String> password();

    /** TLS from the first byte (SMTPS, usually port 465), instead of STARTTLS. */
    @WithDefault("false")
    boolean tls();

    /**
     * STARTTLS: {@code REQUIRED} (a relay that does not offer it is refused: production), {@code OPTIONAL}
     * (used when offered) or {@code DISABLED} (the local run and tests, whose server offers none).
     */
    @WithDefault("OPTIONAL")
    StartTls startTls();

    /**
     * How long one step of an SMTP conversation (connecting, a reply, a write) may take; then the sender
     * gives up on it and the mail is retried with backoff (same Message-ID). A server that accepts the
     * connection and then stalls would otherwise hold a sender, and the mail it leased.
     */
    @WithDefault("30s")
    Duration timeout();

    enum StartTls {
        DISABLED,
        OPTIONAL,
        REQUIRED
    }
}
