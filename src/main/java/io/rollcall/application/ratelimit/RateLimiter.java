package io.rollcall.application.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Decides whether one more request of a caller may run now, with a token bucket per (scope, key): the SCIM token's id,
 * the API token's id or session's account, the client's IP address. A refusal is counted in the metric
 * {@code rollcall_rate_limit_refused_total{scope=...}} and, once per key and minute, written to the audit log
 * ({@code rate-limit.refused}).
 *
 * <p>Settings, per scope ({@link RateLimitScope#id()} upper-cased): {@code ROLLCALL_RATE_LIMIT_<SCOPE>_PER_SECOND} and
 * {@code ROLLCALL_RATE_LIMIT_<SCOPE>_BURST}; a rate of 0 switches that limit off. Read once at start-up.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    private final RequestBuckets buckets;
    private final RateLimitRefusals refusals;
    private final Map<RateLimitScope, RateLimit> limits;

    @Inject
    public RateLimiter(RequestBuckets buckets, RateLimitRefusals refusals, Config config) {
        this.buckets = buckets;
        this.refusals = refusals;
        this.limits = config == null ? Map.of() : limitsFrom(config);
    }

    /** For CDI proxies only. */
    protected RateLimiter() {
        this(null, null, null);
    }

    /**
     * Takes one request from the caller's bucket.
     *
     * @param scope what is limited
     * @param key the caller within the scope (never a secret: a token id, an IP address)
     * @param workspaceId the workspace the refusal is audited in, or null for an installation-level event
     */
    public RateLimitDecision acquire(RateLimitScope scope, String key, String workspaceId) {
        RateLimit limit = limits.get(scope);
        if (limit == null || limit.off()) {
            return RateLimitDecision.ALLOWED;
        }
        long nanosToWait = buckets.tryConsume(scope, key, limit);
        if (nanosToWait == 0) {
            return RateLimitDecision.ALLOWED;
        }
        RateLimitDecision refused = RateLimitDecision.refused(nanosToWait);
        refusals.record(scope, key, workspaceId, limit, refused.retryAfterSeconds());
        return refused;
    }

    /** The limit in force for {@code scope}. */
    public RateLimit limit(RateLimitScope scope) {
        return limits.get(scope);
    }

    static Map<RateLimitScope, RateLimit> limitsFrom(Config config) {
        Map<RateLimitScope, RateLimit> limits = new EnumMap<>(RateLimitScope.class);
        for (RateLimitScope scope : RateLimitScope.values()) {
            String prefix = "rollcall.rate.limit." + scope.id() + ".";
            RateLimit defaults = scope.defaultLimit();
            int perSecond = config.getOptionalValue(prefix + "per.second", Integer.class)
                    .orElse(defaults.perSecond());
            int burst = config.getOptionalValue(prefix + "burst", Integer.class)
                    .orElse(Math.max(defaults.burst(), perSecond));
            try {
                limits.put(scope, new RateLimit(perSecond, burst));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "ROLLCALL_RATE_LIMIT_" + scope.id().toUpperCase(Locale.ROOT) + "_PER_SECOND/_BURST: "
                                + e.getMessage(),
                        e);
            }
        }
        LOG.info(() -> "Rate limits: " + limits);
        return limits;
    }
}
