package io.rollcall.application.scim;

import io.rollcall.domain.identity.ScimToken;
import io.rollcall.domain.identity.TokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves the hash of a presented SCIM bearer secret to its workspace against the database; unknown, revoked and
 * expired tokens resolve to nothing. Callers go through {@link VerifiedScimTokens}, which asks this at most once per
 * token every few seconds.
 */
@ApplicationScoped
public class ScimAuthenticator {

    private final TokenRepository tokens;

    @Inject
    public ScimAuthenticator(TokenRepository tokens) {
        this.tokens = tokens;
    }

    /** For CDI proxies only. */
    protected ScimAuthenticator() {
        this(null);
    }

    /** A usable token: who it is, and until when it may be used (null: no expiry). */
    public record Checked(ScimCaller caller, Instant expiresAt) {}

    static boolean plausible(String presentedSecret) {
        return presentedSecret != null && !presentedSecret.isBlank() && presentedSecret.length() <= 512;
    }

    @Transactional
    public Optional<Checked> check(String tokenHash, Instant now) {
        Optional<ScimToken> token = tokens.findScimTokenByHash(tokenHash).filter(t -> t.usableAt(now));
        token.ifPresent(t -> tokens.touchScimToken(t.id(), now));
        return token.map(t -> new Checked(new ScimCaller(t.workspaceId(), t.id(), t.name()), t.expiresAt()));
    }
}
