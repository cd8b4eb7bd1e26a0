package io.rollcall.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outgoing e-mail (invites, sign-in links) and the outbox worker's timing. Environment variables:
 * <ul>
 * <li>{@code ROLLCALL_SMTP_HOST}: without it e-mail is off: nothing is sent and the admin API returns invite links to
 * the owner instead.</li>
 * <li>{@code ROLLCALL_SMTP_PORT} (587 with {@code starttls}, 465 with {@code tls}, 25 with {@code none}).</li>
 * <li>{@code ROLLCALL_SMTP_USER} / {@code ROLLCALL_SMTP_PASSWORD}: SMTP AUTH, both or neither.</li>
 * <li>{@code ROLLCALL_SMTP_FROM}: required with a host; a plain address or {@code Name <address>}.</li>
 * <li>{@code ROLLCALL_SMTP_TLS} ({@code starttls}): {@code starttls} (required, never falls back to plain),
 * {@code tls} (implicit TLS) or {@code none}.</li>
 * <li>{@code ROLLCALL_MAIL_RETRY_INITIAL_SECONDS} (30), {@code ROLLCALL_MAIL_RETRY_MAX_SECONDS} (900): backoff of a
 * failed delivery, doubling from the first to the cap.</li>
 * <li>{@code ROLLCALL_MAIL_RETRY_HOURS} (24, at least 24): how long a message is retried before it is marked
 * failed.</li>
 * <li>{@code ROLLCALL_MAIL_POLL_SECONDS} (10): how often each instance looks for due messages (messages queued on
 * this instance are also tried right after their transaction commits).</li>
 * <li>{@code ROLLCALL_LANDING_URL} ({@code ROLLCALL_PUBLIC_URL/}): where a person lands after accepting an invite or
 * using a sign-in link.</li>
 * </ul>
 * Malformed values stop the start-up; with e-mail off, the start-up log says so once.
 */
@ApplicationScoped
public class MailSettings {

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    /** How the SMTP connection is protected. */
    public enum Tls {
        STARTTLS,
        TLS,
        NONE
    }

    private final Optional<String> host;
    private final int port;
    private final Optional<String> user;
    private final Optional<String> password;
    private final String from;
    private final Tls tls;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration retryWindow;
    private final Duration poll;
    private final Optional<String> landingUrl;

    @Inject
    public MailSettings(
            @ConfigProperty(name = "rollcall.smtp.host") Optional<String> host,
            @ConfigProperty(name = "rollcall.smtp.port") Optional<String> port,
            @ConfigProperty(name = "rollcall.smtp.user") Optional<String> user,
            @ConfigProperty(name = "rollcall.smtp.password") Optional<String> password,
            @ConfigProperty(name = "rollcall.smtp.from") Optional<String> from,
            @ConfigProperty(name = "rollcall.smtp.tls", defaultValue = "starttls") String tls,
            @ConfigProperty(name = "rollcall.mail.retry.initial.seconds", defaultValue = "30") long retryInitial,
            @ConfigProperty(name = "rollcall.mail.retry.max.seconds", defaultValue = "900") long retryMax,
            @ConfigProperty(name = "rollcall.mail.retry.hours", defaultValue = "24") long retryHours,
            @ConfigProperty(name = "rollcall.mail.poll.seconds", defaultValue = "10") long pollSeconds,
            @ConfigProperty(name = "rollcall.landing.url") Optional<String> landingUrl) {
        this.host = clean(host);
        this.tls = parseTls(tls);
        this.port = this.host.isEmpty() ? 0 : parsePort(clean(port), this.tls);
        this.user = clean(user);
        this.password = password.filter(p -> !p.isEmpty());
        if (this.user.isPresent() != this.password.isPresent()) {
            throw new IllegalStateException(
                    "ROLLCALL_SMTP_USER and ROLLCALL_SMTP_PASSWORD go together: set both or" + " neither");
        }
        this.from = clean(from).orElse(null);
        if (this.host.isPresent() && this.from == null) {
            throw new IllegalStateException("ROLLCALL_SMTP_FROM is required when ROLLCALL_SMTP_HOST is set");
        }
        if (this.host.isPresent()) {
            checkFrom(this.from);
        }
        if (this.host.isPresent() && this.host.get().chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new IllegalStateException("ROLLCALL_SMTP_HOST must be a host name or address");
        }
        this.retryInitial = seconds("ROLLCALL_MAIL_RETRY_INITIAL_SECONDS", retryInitial, 1, 3600);
        this.retryMax = seconds("ROLLCALL_MAIL_RETRY_MAX_SECONDS", retryMax, retryInitial, 6 * 3600);
        this.retryWindow = seconds("ROLLCALL_MAIL_RETRY_HOURS", retryHours * 3600, 24 * 3600, 14 * 24 * 3600);
        this.poll = seconds("ROLLCALL_MAIL_POLL_SECONDS", pollSeconds, 1, 600);
        this.landingUrl = clean(landingUrl);
    }

    /** For CDI proxies only. */
    protected MailSettings() {
        this.host = Optional.empty();
        this.port = 0;
        this.user = Optional.empty();
        this.password = Optional.empty();
        this.from = null;
        this.tls = null;
        this.retryInitial = null;
        this.retryMax = null;
        this.retryWindow = null;
        this.poll = null;
        this.landingUrl = Optional.empty();
    }

    /** Touches the bean at start-up so that a malformed value fails the deployment, and says once if mail is off. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled()) {
            LOG.info("E-mail is off (ROLLCALL_SMTP_HOST is not set): invites return their accept link to the owner"
                    + " and e-mail sign-in links cannot be delivered");
        } else {
            LOG.info(() -> "E-mail is on: SMTP " + host.get() + ":" + port + " ("
                    + tls.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    public boolean enabled() {
        return host.isPresent();
    }

    public Optional<String> host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Optional<String> user() {
        return user;
    }

    /** Never logged. */
    public Optional<String> password() {
        return password;
    }

    /** The From header as configured; validated as an address when mail is built. */
    public String from() {
        return from;
    }

    public Tls tls() {
        return tls;
    }

    public Duration retryInitial() {
        return retryInitial;
    }

    public Duration retryMax() {
        return retryMax;
    }

    /** A message not sent within this time after it was queued is marked failed. */
    public Duration retryWindow() {
        return retryWindow;
    }

    public Duration poll() {
        return poll;
    }

    public Optional<String> landingUrl() {
        return landingUrl;
    }

    static Tls parseTls(String raw) {
        if (raw == null || raw.isBlank()) {
            return Tls.STARTTLS;
        }
        try {
            return Tls.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ROLLCALL_SMTP_TLS must be starttls, tls or none, got: " + raw);
        }
    }

    static int parsePort(Optional<String> raw, Tls tls) {
        if (raw.isEmpty()) {
            return switch (tls) {
                case STARTTLS -> 587;
                case TLS -> 465;
                case NONE -> 25;
            };
        }
        try {
            int port = Integer.parseInt(raw.get());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("ROLLCALL_SMTP_PORT must be a port number (1-65535), got: " + raw.get());
    }

    static void checkFrom(String from) {
        try {
            jakarta.mail.internet.InternetAddress[] parsed = jakarta.mail.internet.InternetAddress.parse(from, true);
            if (parsed.length != 1) {
                throw new IllegalStateException("ROLLCALL_SMTP_FROM must be exactly one address");
            }
            parsed[0].validate();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("ROLLCALL_SMTP_FROM is not a valid address: " + from, e);
        }
    }

    private static Optional<String> clean(Optional<String> raw) {
        return raw.map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Duration seconds(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalStateException(name + " is out of range");
        }
        return Duration.ofSeconds(value);
    }
}
