package io.rollcall.config;

import io.rollcall.security.crypto.SecretKeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Typed SSO settings (kept beside {@link RollcallConfig} rather than in it so that the SSO branch does not rewrite the
 * core constructor). Environment variables:
 * <ul>
 * <li>{@code ROLLCALL_SECRET_KEY}: a key ring, comma-separated base64 of 32 random bytes each, newest first
 * ({@link SecretKeyRing}); encrypts OIDC client secrets and session signing keys at rest (AES-256-GCM): the newest
 * key encrypts, all keys decrypt. No default: a key stored beside the data it protects protects nothing. Required
 * before an OIDC connection can be configured.</li>
 * <li>{@code ROLLCALL_SAML_CLOCK_SKEW_SECONDS} (60): tolerated IdP clock skew on every SAML/OIDC time check.</li>
 * <li>{@code ROLLCALL_SESSION_LIFETIME_MINUTES} (480): lifetime of a session JWT.</li>
 * <li>{@code ROLLCALL_SESSION_KEY_ROTATION_DAYS} (30): a new signing key after this many days.</li>
 * <li>{@code ROLLCALL_SSO_LOGIN_TIMEOUT_MINUTES} (10): how long a started login may take at the IdP.</li>
 * </ul>
 * Malformed values stop the start-up.
 */
@ApplicationScoped
public class SsoSettings {

    private final Optional<SecretKeyRing> secretKey;
    private final Duration clockSkew;
    private final Duration sessionLifetime;
    private final Duration keyRotation;
    private final Duration loginTimeout;

    @Inject
    public SsoSettings(
            @ConfigProperty(name = "rollcall.secret.key") Optional<String> secretKey,
            @ConfigProperty(name = "rollcall.saml.clock.skew.seconds", defaultValue = "60") long skewSeconds,
            @ConfigProperty(name = "rollcall.session.lifetime.minutes", defaultValue = "480") long sessionMinutes,
            @ConfigProperty(name = "rollcall.session.key.rotation.days", defaultValue = "30") long rotationDays,
            @ConfigProperty(name = "rollcall.sso.login.timeout.minutes", defaultValue = "10") long loginMinutes) {
        this.secretKey = secretKey.map(String::trim).filter(s -> !s.isEmpty()).map(SsoSettings::parseKeyRing);
        this.clockSkew = bounded("ROLLCALL_SAML_CLOCK_SKEW_SECONDS", Duration.ofSeconds(skewSeconds), 0, 600);
        this.sessionLifetime =
                bounded("ROLLCALL_SESSION_LIFETIME_MINUTES", Duration.ofMinutes(sessionMinutes), 1, 7 * 24 * 60 * 60);
        this.keyRotation = bounded(
                "ROLLCALL_SESSION_KEY_ROTATION_DAYS", Duration.ofDays(rotationDays), 24 * 60 * 60, 365L * 24 * 60 * 60);
        this.loginTimeout =
                bounded("ROLLCALL_SSO_LOGIN_TIMEOUT_MINUTES", Duration.ofMinutes(loginMinutes), 60, 60 * 60);
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

    static SecretKeyRing parseKeyRing(String setting) {
        try {
            return SecretKeyRing.parse(setting);
        } catch (IllegalArgumentException e) {
            // The message names the setting and the entry's position, never the value.
            throw new IllegalStateException(e.getMessage());
        }
    }

    private static Duration bounded(String name, Duration value, long minSeconds, long maxSeconds) {
        if (value.getSeconds() < minSeconds || value.getSeconds() > maxSeconds) {
            throw new IllegalStateException(name + " is out of range");
        }
        return value;
    }

    /** The keys that encrypt secrets at rest (newest first), if configured. */
    public Optional<SecretKeyRing> secretKey() {
        return secretKey;
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
