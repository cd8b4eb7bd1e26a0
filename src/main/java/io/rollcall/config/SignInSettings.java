package io.rollcall.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits of {@code POST /login/email}, per window of {@code ROLLCALL_SIGNIN_RATE_WINDOW_MINUTES} (15):
 * {@code ROLLCALL_SIGNIN_RATE_PER_ADDRESS} (5) requests for one e-mail address and
 * {@code ROLLCALL_SIGNIN_RATE_PER_IP} (30) requests from one client IP. Out-of-range values stop the start-up.
 */
@ApplicationScoped
public class SignInSettings {

    private final long perAddress;
    private final long perIp;
    private final Duration window;

    @Inject
    public SignInSettings(
            @ConfigProperty(name = "rollcall.signin.rate.per.address", defaultValue = "5") long perAddress,
            @ConfigProperty(name = "rollcall.signin.rate.per.ip", defaultValue = "30") long perIp,
            @ConfigProperty(name = "rollcall.signin.rate.window.minutes", defaultValue = "15") long windowMinutes) {
        if (perAddress < 1 || perAddress > 1000 || perIp < 1 || perIp > 100_000) {
            throw new IllegalStateException("ROLLCALL_SIGNIN_RATE_PER_ADDRESS (1-1000) or ROLLCALL_SIGNIN_RATE_PER_IP"
                    + " (1-100000) is out of range");
        }
        if (windowMinutes < 1 || windowMinutes > 24 * 60) {
            throw new IllegalStateException("ROLLCALL_SIGNIN_RATE_WINDOW_MINUTES is out of range (1-1440)");
        }
        this.perAddress = perAddress;
        this.perIp = perIp;
        this.window = Duration.ofMinutes(windowMinutes);
    }

    /** For CDI proxies only. */
    protected SignInSettings() {
        this.perAddress = 0;
        this.perIp = 0;
        this.window = null;
    }

    public long perAddress() {
        return perAddress;
    }

    public long perIp() {
        return perIp;
    }

    public Duration window() {
        return window;
    }
}
