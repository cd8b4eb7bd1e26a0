package io.rollcall.application;

import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.shared.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Personal API tokens checked against the database in the last {@link #TRUST_FOR}: a product that asks
 * {@code POST .../authz/check} on every request of its own presents the same token each time, and the check itself
 * is answered from memory ({@link PermissionSnapshots}); a transaction per request to authenticate the token would
 * dominate it.
 *
 * <p>Keyed by the SHA-256 of the secret (the secret itself is never kept). A revocation committed on this node takes
 * effect for the next request; one committed on another node of a cluster as soon as its broadcast arrives
 * ({@code ClusterInvalidations}), and on unclustered instances sharing the database within {@link #TRUST_FOR}. Expiry
 * is never trusted beyond the token's own. Unknown tokens are never remembered; bounded anyway. Thread-safe.
 */
@ApplicationScoped
public class VerifiedApiTokens {

    /** At most this long may a token revoked on another, unclustered node keep working here. */
    public static final Duration TRUST_FOR = Duration.ofSeconds(5);

    private static final int MAX_ENTRIES = 10_000;

    private final TokenService tokens;
    private final Clock clock;
    private final ConcurrentHashMap<String, Trusted> trusted = new ConcurrentHashMap<>();
    /** Bumped by every revocation: a check that overlapped one is not remembered. */
    private final AtomicLong revocations = new AtomicLong();

    @Inject
    public VerifiedApiTokens(TokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected VerifiedApiTokens() {
        this(null, null);
    }

    private record Trusted(TokenService.CheckedApiToken checked, Instant until) {}

    /**
     * The caller a presented API token stands for.
     *
     * @throws UnauthenticatedException if it is unknown, revoked or expired (the same 401 for each)
     */
    public Caller authenticate(String presented) {
        String hash = SecretTokens.hash(presented);
        Instant now = clock.instant();
        Trusted known = trusted.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return known.checked().caller();
        }
        long revocationsBefore = revocations.get();
        TokenService.CheckedApiToken checked;
        try {
            checked = tokens.checkApiToken(hash, now);
        } catch (UnauthenticatedException e) {
            trusted.remove(hash);
            throw e;
        }
        Instant until = now.plus(TRUST_FOR);
        if (checked.expiresAt() != null && checked.expiresAt().isBefore(until)) {
            until = checked.expiresAt();
        }
        if (trusted.size() >= MAX_ENTRIES) {
            trusted.clear();
        }
        trusted.put(hash, new Trusted(checked, until));
        if (revocations.get() != revocationsBefore) {
            trusted.remove(hash);
        }
        return checked.caller();
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiTokenRevoked revoked) {
        forget(revoked.tokenId());
    }

    /** Stops trusting the token with this id at once (revoked here, or announced by another instance). */
    public void forget(String tokenId) {
        revocations.incrementAndGet();
        trusted.values().removeIf(t -> t.checked().caller().credentialId().equals(tokenId));
    }
}
