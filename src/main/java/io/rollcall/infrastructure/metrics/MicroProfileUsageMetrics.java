package io.rollcall.infrastructure.metrics;

import io.rollcall.application.UsageMetrics;
import jakarta.enterprise.context.ApplicationScoped;
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
    private static final Metadata SSO_LOGINS = Metadata.builder().withName("rollcall_sso_logins")
            .withDescription("SSO login attempts by protocol, result (success, refused) and refusal reason").build();
    private static final Metadata INVITES = Metadata.builder().withName("rollcall_invites")
            .withDescription("Invite events: issued, resent, accepted, revoked").build();
    private static final Metadata RATE_LIMIT_REFUSALS = Metadata.builder().withName("rollcall_rate_limit_refused")
            .withDescription("Requests refused by a rate limit (HTTP 429), by limit").build();

    private final MetricRegistry registry;

    @Inject
    public MicroProfileUsageMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For CDI proxies only. */
    protected MicroProfileUsageMetrics() {
        this(null);
    }

    @Override
    public void ssoLogin(String protocol, String refusalCode) {
        String p = protocol == null ? "unknown" : protocol.toUpperCase(Locale.ROOT);
        registry.counter(SSO_LOGINS, new Tag("protocol", PROTOCOLS.contains(p) ? p : "unknown"),
                new Tag("result", refusalCode == null ? "success" : "refused"),
                new Tag("reason", refusalCode == null ? "none" : refusalCode)).inc();
    }

    @Override
    public void invite(InviteEvent event) {
        registry.counter(INVITES, new Tag("event", event.name().toLowerCase(Locale.ROOT))).inc();
    }

    @Override
    public void rateLimitRefused(String limiter) {
        registry.counter(RATE_LIMIT_REFUSALS, new Tag("scope", limiter)).inc();
    }
}
