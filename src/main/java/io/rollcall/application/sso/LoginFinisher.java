package io.rollcall.application.sso;

import io.rollcall.domain.shared.ConcurrentWriteConflict;
import io.rollcall.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What both protocols do once the IdP's answer passed its checks: link the identity to a member and sync its groups
 * ({@link LoginCompletion}, one transaction), then issue the Rollcall session. A refusal leaves as an
 * {@link SsoFailure} that names the identity, so the facade audits it with subject and email.
 */
@ApplicationScoped
public class LoginFinisher {

    private final LoginCompletion completion;
    private final SessionService sessions;
    private final SsoAuditTrail trail;

    @Inject
    public LoginFinisher(LoginCompletion completion, SessionService sessions, SsoAuditTrail trail) {
        this.completion = completion;
        this.sessions = sessions;
        this.trail = trail;
    }

    /** For CDI proxies only. */
    protected LoginFinisher() {
        this(null, null, null);
    }

    /**
     * @param returnUrl the validated return URL the login state kept
     * @throws SsoFailure carrying {@code identity}; {@link SsoFailure.Reason#MEMBERSHIP_CONFLICT} with the domain
     *         error's code for a situation such as an invite that expired in between
     * @throws ConcurrentWriteConflict when a concurrent first login of the same person won (the web layer answers
     *         "start again"; not a refusal)
     */
    SsoLogin.Finished finish(String workspaceId, LoginIdentity identity, String returnUrl) {
        LoginCompletion.Completed done;
        try {
            done = completion.complete(workspaceId, identity);
        } catch (SsoFailure e) {
            throw e.of(identity);
        } catch (ConcurrentWriteConflict e) {
            throw e;
        } catch (DomainException e) {
            // e.g. an invite that expired in between, or a user name taken: the person's situation, not our bug.
            throw new SsoFailure(SsoFailure.Reason.MEMBERSHIP_CONFLICT, e.code(), e.getMessage()).of(identity);
        }
        String session = sessions.issue(done.accountId(), done.email(), workspaceId);
        trail.succeeded(identity.protocol().name());
        return new SsoLogin.Finished(session, sessions.lifetime(), returnUrl);
    }
}
