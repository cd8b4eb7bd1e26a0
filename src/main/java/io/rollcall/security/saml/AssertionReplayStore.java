package io.rollcall.security.saml;

import java.time.Instant;

/**
 * One-use guard for assertion ids. Implementations must be shared by all instances of a cluster and atomic.
 */
@FunctionalInterface
public interface AssertionReplayStore {

    /**
     * Records the assertion id until {@code expiresAt} (after which the assertion is expired anyway).
     *
     * @return true the first time an id is seen, false on every later call before {@code expiresAt}
     */
    boolean firstUse(String assertionId, Instant expiresAt);
}
