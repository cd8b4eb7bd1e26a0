package io.rollcall.application.scim;

import io.rollcall.domain.identity.ScimToken;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.identity.TokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Resolves a presented SCIM bearer secret to its workspace; unknown, revoked and expired tokens resolve to nothing. */
@ApplicationScoped
public class ScimAuthenticator {

    private final TokenRepository tokens;
    private final Clock clock;

    @Inject
    public ScimAuthenticator(TokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ScimAuthenticator() {
        this(null, null);
    }

    @Transactional
    public Optional<ScimCaller> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isBlank() || presentedSecret.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ScimToken> token = tokens.findScimTokenByHash(SecretTokens.hash(presentedSecret))
                .filter(t -> t.usableAt(now));
        token.ifPresent(t -> tokens.touchScimToken(t.id(), now));
        return token.map(t -> new ScimCaller(t.workspaceId(), t.id(), t.name()));
    }
}
