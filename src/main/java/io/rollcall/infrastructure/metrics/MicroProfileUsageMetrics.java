package io.rollcall.infrastructure.metrics;

import io.rollcall.application.UsageMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link UsageMetrics} as MicroProfile Metrics counters in the application registry; Payara writes them to
 * {@code /metrics} in Prometheus form with the {@code _total} suffix (e.g. {@code rollcall_invites_total}).
 */
@ApplicationScoped
public class MicroProfileUsageMetrics implements UsageMetrics {

    private static final Set<String> PROTOCOLS = Set.of("SAML", "OIDC");
    /** The rate limits Rollcall has (see {@code application.ratelimit} and {@code EmailSignIn}). */
    private static final Set<String> SCOPES = Set.of("scim", "api", "sso", "signin-address", "signin-ip");

    private static final Metadata SSO_LOGINS = Metadata.builder()
            .withName(MetricNames.SSO_LOGINS)
            .withDescription("SSO login attempts by protocol, result (success, refused) and refusal reason")
            .build();
    private static final Metadata INVITES = Metadata.builder()
            .withName(MetricNames.INVITES)
            .withDescription("Invite events: issued, resent, accepted, revoked")
            .build();
    private static final Metadata RATE_LIMIT_REFUSALS = Metadata.builder()
            .withName(MetricNames.RATE_LIMIT_REFUSED)
            .withDescription("Requests refused by a rate limit (HTTP 429), by limit")
            .build();

    private final MetricRegistry registry;

    @Inject
    public MicroProfileUsageMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For CDI proxies only. */
    protected MicroProfileUsageMetrics() {
        this(null);
    }

    /**
     * Registers the series whose label values are known in advance at zero when the application starts, so that
     * Prometheus sees them (and {@code rate()} works) before the first event.
     */
    void registerKnownSeries(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String protocol : PROTOCOLS) {
            registry.counter(
                    SSO_LOGINS, new Tag("protocol", protocol), new Tag("result", "success"), new Tag("reason", "none"));
        }
        for (InviteEvent event : InviteEvent.values()) {
            registry.counter(INVITES, new Tag("event", event.name().toLowerCase(Locale.ROOT)));
        }
        for (String scope : SCOPES) {
            registry.counter(RATE_LIMIT_REFUSALS, new Tag("scope", scope));
        }
    }

    @Override
    public void ssoLogin(String protocol, String refusalCode) {
        String p = protocol == null ? "unknown" : protocol.toUpperCase(Locale.ROOT);
        registry.counter(
                        SSO_LOGINS,
                        new Tag("protocol", PROTOCOLS.contains(p) ? p : "unknown"),
                        new Tag("result", refusalCode == null ? "success" : "refused"),
                        new Tag("reason", refusalCode == null ? "none" : refusalCode))
                .inc();
    }

    @Override
    public void invite(InviteEvent event) {
        registry.counter(INVITES, new Tag("event", event.name().toLowerCase(Locale.ROOT)))
                .inc();
    }

    @Override
    public void rateLimitRefused(String limiter) {
        registry.counter(RATE_LIMIT_REFUSALS, new Tag("scope", limiter)).inc();
    }
}
