package io.rollcall.domain.sso;

import java.time.Instant;

/** SAML assertion ids already used, shared by every instance (the replay cache). */
public interface SamlAssertionLog {

    /**
     * Records an assertion id in its own transaction (so the record survives a login that fails later).
     *
     * @return true the first time; false if it was recorded before (a replay)
     */
    boolean recordFirstUse(String workspaceId, String issuer, String assertionId, Instant expiresAt);
}
