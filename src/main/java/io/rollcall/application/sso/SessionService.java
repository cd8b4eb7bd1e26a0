package io.rollcall.application.sso;

import io.rollcall.application.Caller;
import io.rollcall.config.RollcallConfig;
import io.rollcall.config.SsoSettings;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.shared.UnauthenticatedException;
import io.rollcall.security.session.SessionClaims;
import io.rollcall.security.session.SessionRejection;
import io.rollcall.security.session.SessionTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/** Issues session JWTs after a login and turns a presented one back into a {@link Caller}. */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

    private final SessionTokens tokens;
    private final AccountRepository accounts;

    @Inject
    public SessionService(
            SessionKeyRing keys, RollcallConfig config, SsoSettings settings, AccountRepository accounts, Clock clock) {
        this.tokens = new SessionTokens(keys, config.publicUrl().toString(), settings.sessionLifetime(), clock);
        this.accounts = accounts;
    }

    /** For CDI proxies only. */
    protected SessionService() {
        this.tokens = null;
        this.accounts = null;
    }

    public String issue(String accountId, String email, String workspaceId) {
        return tokens.issue(accountId, email, workspaceId);
    }

    public Duration lifetime() {
        return tokens.lifetime();
    }

    /** Every failure is the same 401 as an unknown API token; the reason goes to the debug log only. */
    @Transactional
    public Caller authenticate(String jwt) {
        SessionClaims claims;
        try {
            claims = tokens.verify(jwt);
        } catch (SessionRejection e) {
            LOG.fine(() -> "session refused: " + e.reason());
            throw new UnauthenticatedException("the bearer token is invalid, expired or revoked");
        }
        var account = accounts.find(claims.accountId())
                .orElseThrow(() -> new UnauthenticatedException("the bearer token is invalid, expired or revoked"));
        return new Caller(account.id(), account.email(), Caller.Credential.SESSION, claims.sessionId());
    }
}
