package io.rollcall.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Typed SSO settings (kept beside {@link RollcallConfig} rather than in it so that the SSO branch does not rewrite the
 * core constructor). Environment variables:
 * <ul>
 * <li>{@code ROLLCALL_SECRET_KEY}: base64 of 32 random bytes; encrypts OIDC client secrets and session signing keys at
 * rest (AES-256-GCM). No default: a key stored beside the data it protects protects nothing. Required before an OIDC
 * connection can be configured.</li>
 * <li>{@code ROLLCALL_SAML_CLOCK_SKEW_SECONDS} (60): tolerated IdP clock skew on every SAML/OIDC time check.</li>
 * <li>{@code ROLLCALL_SESSION_LIFETIME_MINUTES} (480): lifetime of a session JWT.</li>
 * <li>{@code ROLLCALL_SESSION_KEY_ROTATION_DAYS} (30): a new signing key after this many days.</li>
 * <li>{@code ROLLCALL_SSO_LOGIN_TIMEOUT_MINUTES} (10): how long a started login may take at the IdP.</li>
 * </ul>
 * Malformed values stop the start-up.
 */
@ApplicationScoped
public class SsoSettings {

    private final Optional<byte[]> secretKey;
    private final Duration clockSkew;
    private final Duration sessionLifetime;
    private final Duration keyRotation;
    private final Duration loginTimeout;

    @Inject
    public SsoSettings(@ConfigProperty(name = "rollcall.secret.key") Optional<String> secretKey,
            @ConfigProperty(name = "rollcall.saml.clock.skew.seconds", defaultValue = "60") long skewSeconds,
            @ConfigProperty(name = "rollcall.session.lifetime.minutes", defaultValue = "480") long sessionMinutes,
            @ConfigProperty(name = "rollcall.session.key.rotation.days", defaultValue = "30") long rotationDays,
            @ConfigProperty(name = "rollcall.sso.login.timeout.minutes", defaultValue = "10") long loginMinutes) {
        this.secretKey = secretKey.map(String::trim).filter(s -> !s.isEmpty()).map(SsoSettings::decodeKey);
        this.clockSkew = bounded("ROLLCALL_SAML_CLOCK_SKEW_SECONDS", Duration.ofSeconds(skewSeconds), 0, 600);
        this.sessionLifetime = bounded("ROLLCALL_SESSION_LIFETIME_MINUTES", Duration.ofMinutes(sessionMinutes), 1,
                7 * 24 * 60 * 60);
        this.keyRotation = bounded("ROLLCALL_SESSION_KEY_ROTATION_DAYS", Duration.ofDays(rotationDays), 24 * 60 * 60,
                365L * 24 * 60 * 60);
        this.loginTimeout = bounded("ROLLCALL_SSO_LOGIN_TIMEOUT_MINUTES", Duration.ofMinutes(loginMinutes), 60,
                60 * 60);
    }

    /** For CDI proxies only. */
    protected SsoSettings() {
        this.secretKey = Optional.empty();
        this.clockSkew = null;
        this.sessionLifetime = null;
        this.keyRotation = null;
        this.loginTimeout = null;
    }

    /** Touches the bean at start-up so that a malformed value fails the deployment, not the first login. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        clockSkew();
    }

    static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ROLLCALL_SECRET_KEY is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("ROLLCALL_SECRET_KEY must be 32 bytes (base64), got " + key.length);
        }
        return key;
    }

    private static Duration bounded(String name, Duration value, long minSeconds, long maxSeconds) {
        if (value.getSeconds() < minSeconds || value.getSeconds() > maxSeconds) {
            throw new IllegalStateException(name + " is out of range");
        }
        return value;
    }

    /** The 32-byte master key, if configured. */
    public Optional<byte[]> secretKey() {
        return secretKey.map(byte[]::clone);
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    public Duration keyRotation() {
        return keyRotation;
    }

    public Duration loginTimeout() {
        return loginTimeout;
    }
}
