package io.rollcall.application.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.application.UsageMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes refusals visible: every one in the metric {@code rollcall_rate_limit_refused_total{scope}}, the first per
 * (scope, key) and minute in the audit log as {@code rate-limit.refused} with actor {@code rate-limiter}. At most one
 * audit row per key and minute, so that a flood cannot turn into a flood of database writes.
 */
@ApplicationScoped
public class RateLimitRefusals {

    static final String ACTION = "rate-limit.refused";
    private static final Logger LOG = Logger.getLogger(RateLimitRefusals.class.getName());

    private final AuditLog audit;
    private final UsageMetrics metrics;
    private final Cache<String, Boolean> recentlyAudited = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(100_000)
            .build();

    @Inject
    public RateLimitRefusals(AuditLog audit, UsageMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    /** For CDI proxies only. */
    protected RateLimitRefusals() {
        this(null, null);
    }

    /** Counts the refusal and audits it unless this key was audited within the last minute. Never throws. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(RateLimitScope scope, String key, String workspaceId, RateLimit limit, long retryAfter) {
        metrics.rateLimitRefused(scope.id());
        if (recentlyAudited.asMap().putIfAbsent(scope.id() + ":" + key, Boolean.TRUE) != null) {
            return;
        }
        try {
            audit.record(
                    workspaceId,
                    Actor.system("rate-limiter"),
                    ACTION,
                    scope.id(),
                    key,
                    Map.of("perSecond", limit.perSecond(), "burst", limit.burst(), "retryAfterSeconds", retryAfter));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not audit a rate-limit refusal", e);
        }
    }
}
