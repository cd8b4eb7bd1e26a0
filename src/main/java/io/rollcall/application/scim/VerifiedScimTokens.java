package io.rollcall.application.scim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rollcall.application.ScimTokenRevoked;
import io.rollcall.domain.identity.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SCIM tokens checked against the database in the last {@link #TRUST_FOR}: a connector sends hundreds of requests a
 * second with one token, and asking the database each time cost a transaction of its own per request.
 *
 * <p>Keyed by the SHA-256 of the secret (the secret itself is never kept). A revocation committed on this node takes
 * effect for the next request; one committed on another node of a cluster as soon as its broadcast arrives
 * ({@code ClusterInvalidations}, well within a second), and on unclustered instances within {@link #TRUST_FOR}. Expiry is checked on every
 * request. Unknown tokens are never remembered, so random tokens cannot fill the cache; it is bounded anyway (a
 * Caffeine cache of {@link #MAX_ENTRIES}, entries dropped {@link #TRUST_FOR} after they were written, on the injected
 * clock). Thread-safe.
 */
@ApplicationScoped
public class VerifiedScimTokens {

    /** At most this long may a token revoked on another node keep working here. */
    public static final Duration TRUST_FOR = Duration.ofSeconds(5);

    static final int MAX_ENTRIES = 10_000;

    private final ScimAuthenticator authenticator;
    private final Clock clock;
    private final Cache<String, Verified> verified;
    /** Bumped after every revocation: a lookup that overlapped one must not be remembered. */
    private final AtomicLong revocations = new AtomicLong();

    @Inject
    public VerifiedScimTokens(ScimAuthenticator authenticator, Clock clock) {
        this.authenticator = authenticator;
        this.clock = clock;
        this.verified = clock == null
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(MAX_ENTRIES)
                        .expireAfterWrite(TRUST_FOR)
                        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                        .build();
    }

    /** For CDI proxies only. */
    protected VerifiedScimTokens() {
        this(null, null);
    }

    private record Verified(ScimCaller caller, Instant trustedUntil) {}

    /** The caller a presented secret stands for; empty when it is missing, unknown, revoked or expired. */
    public Optional<ScimCaller> authenticate(String presentedSecret) {
        if (!ScimAuthenticator.plausible(presentedSecret)) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(presentedSecret);
        Instant now = clock.instant();
        Verified known = verified.getIfPresent(hash);
        if (known != null && now.isBefore(known.trustedUntil())) {
            return Optional.of(known.caller());
        }
        long revocationsBefore = revocations.get();
        Optional<ScimAuthenticator.Checked> checked = authenticator.check(hash, now);
        if (checked.isEmpty()) {
            verified.invalidate(hash);
            return Optional.empty();
        }
        Instant until = now.plus(TRUST_FOR);
        Instant expiresAt = checked.get().expiresAt();
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        verified.put(hash, new Verified(checked.get().caller(), until));
        if (revocations.get() != revocationsBefore) {
            verified.invalidate(hash);
        }
        return Optional.of(checked.get().caller());
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScimTokenRevoked revoked) {
        forget(revoked.tokenId());
    }

    /**
     * Stops trusting the token with this id at once: after a revocation committed here, or when another instance of the
     * cluster announces one (broadcast invalidation).
     */
    public void forget(String tokenId) {
        revocations.incrementAndGet();
        verified.asMap().values().removeIf(v -> v.caller().tokenId().equals(tokenId));
    }
}
