package io.rollcall.application.sso;

import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.sso.LoginState;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.domain.sso.SsoConnectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The SSO login use cases behind {@code /sso/{ws}}: start, finish by SAML ({@link SamlLogin}) or OIDC
 * ({@link OidcLogin}), both ending in the {@link LoginFinisher}. Every refusal on the way is audited here, once, with
 * its reason code ({@link SsoAuditTrail}), and leaves as an {@link SsoFailure} for the web layer to render.
 * Not transactional itself: the login state is consumed in its own transaction first (one use, even if the login
 * then fails), the protocol checks run without holding a transaction (they may call the IdP), and the member/group
 * work runs in one transaction ({@link LoginCompletion}).
 */
@ApplicationScoped
public class SsoLogin {

    private final SsoConnectionRepository connections;
    private final LoginStates states;
    private final SamlLogin saml;
    private final OidcLogin oidc;
    private final LoginFinisher finisher;
    private final SsoAuditTrail trail;
    private final URI publicUrl;

    @Inject
    public SsoLogin(
            SsoConnectionRepository connections,
            LoginStates states,
            SamlLogin saml,
            OidcLogin oidc,
            LoginFinisher finisher,
            SsoAuditTrail trail,
            RollcallConfig config) {
        this.connections = connections;
        this.states = states;
        this.saml = saml;
        this.oidc = oidc;
        this.finisher = finisher;
        this.trail = trail;
        this.publicUrl = config == null ? null : config.publicUrl();
    }

    /** For CDI proxies only. */
    protected SsoLogin() {
        this(null, null, null, null, null, null, null);
    }

    /** Where to send the browser, and the value of the login-state cookie to set. */
    public record Started(URI location, String stateCookie, SsoConnection.Type protocol) {}

    /** A finished login: the session JWT, its lifetime and where to send the browser. */
    public record Finished(String session, Duration lifetime, String returnUrl) {}

    /**
     * Starts a login with the workspace's connection.
     *
     * @param rawReturnUrl a path on Rollcall or a URL of its own origin, or null for the console
     * @throws SsoFailure audited (protocol {@code -}) before it leaves
     */
    public Started start(String workspaceId, String rawReturnUrl) {
        return audited(workspaceId, "-", () -> {
            String returnUrl = ReturnUrls.validate(publicUrl, rawReturnUrl);
            SsoConnection connection = connections.find(workspaceId).orElseThrow(SsoFailure::noConnection);
            return connection.type() == SsoConnection.Type.SAML
                    ? saml.start(connection, returnUrl)
                    : oidc.start(connection, returnUrl);
        });
    }

    /**
     * Finishes a SAML login from the ACS post.
     *
     * @throws SsoFailure audited (protocol {@code SAML}) before it leaves
     */
    public Finished finishSaml(String workspaceId, String stateCookie, String samlResponse) {
        return audited(workspaceId, SsoConnection.Type.SAML.name(), () -> {
            LoginState state = take(workspaceId, stateCookie, SsoConnection.Type.SAML);
            SsoConnection connection = connection(workspaceId, SsoConnection.Type.SAML);
            LoginIdentity identity = saml.identify(connection, state, samlResponse);
            return finisher.finish(workspaceId, identity, state.returnUrl());
        });
    }

    /**
     * Finishes an OIDC login from the redirect back ({@code state} and {@code code}, or {@code error}).
     *
     * @throws SsoFailure audited (protocol {@code OIDC}) before it leaves
     */
    public Finished finishOidc(String workspaceId, String stateCookie, String stateParam, String code, String error) {
        return audited(workspaceId, SsoConnection.Type.OIDC.name(), () -> {
            LoginState state = take(workspaceId, stateCookie, SsoConnection.Type.OIDC);
            SsoConnection connection = connection(workspaceId, SsoConnection.Type.OIDC);
            LoginIdentity identity = oidc.identify(connection, state, stateParam, code, error);
            return finisher.finish(workspaceId, identity, state.returnUrl());
        });
    }

    /**
     * Rollcall's SP metadata XML for the workspace (not audited: it is public and asked for by IdP admins).
     *
     * @throws SsoFailure {@link SsoFailure.Reason#NO_CONNECTION} for an unknown workspace
     */
    public String spMetadata(String workspaceId) {
        return saml.spMetadata(workspaceId);
    }

    /** The one place a refusal is audited: with subject and email when the protocol checks had passed. */
    private <T> T audited(String workspaceId, String protocol, Supplier<T> step) {
        try {
            return step.get();
        } catch (SsoFailure e) {
            trail.refused(
                    workspaceId,
                    protocol,
                    e.code(),
                    e.identity().map(LoginIdentity::subject).orElse(null),
                    e.identity().flatMap(LoginIdentity::email).orElse(null));
            throw e;
        }
    }

    private LoginState take(String workspaceId, String cookie, SsoConnection.Type protocol) {
        LoginState state = states.take(cookie).orElseThrow(SsoFailure::loginStateMissing);
        if (!state.workspaceId().equals(workspaceId) || state.protocol() != protocol) {
            throw SsoFailure.loginStateMissing();
        }
        return state;
    }

    private SsoConnection connection(String workspaceId, SsoConnection.Type protocol) {
        SsoConnection connection = connections.find(workspaceId).orElseThrow(SsoFailure::noConnection);
        if (connection.type() != protocol) {
            throw SsoFailure.noConnection();
        }
        return connection;
    }
}
