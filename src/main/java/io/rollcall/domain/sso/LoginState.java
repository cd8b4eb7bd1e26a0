package io.rollcall.domain.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One started SSO login, between {@code /sso/{ws}/login} and the ACS or callback. Keyed by the SHA-256 of the random
 * value in the browser's cookie. Holds the secrets the finish step checks (SAML request id, or OIDC state, nonce and
 * PKCE verifier) and the already-validated return URL. Used once.
 */
@Entity
@Table(name = "sso_login_state")
public class LoginState {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "protocol", nullable = false)
    private SsoConnection.Type protocol;

    @Column(name = "saml_request_id")
    private String samlRequestId;

    @Column(name = "oidc_state")
    private String oidcState;

    @Column(name = "oidc_nonce")
    private String oidcNonce;

    @Column(name = "pkce_verifier")
    private String pkceVerifier;

    @Column(name = "return_url", nullable = false)
    private String returnUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LoginState() {}

    private LoginState(
            String idHash,
            String workspaceId,
            SsoConnection.Type protocol,
            String returnUrl,
            Instant now,
            Instant expiresAt) {
        this.id = idHash;
        this.workspaceId = workspaceId;
        this.protocol = protocol;
        this.returnUrl = returnUrl;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public static LoginState saml(
            String idHash, String workspaceId, String requestId, String returnUrl, Instant now, Instant expiresAt) {
        LoginState state = new LoginState(idHash, workspaceId, SsoConnection.Type.SAML, returnUrl, now, expiresAt);
        state.samlRequestId = requestId;
        return state;
    }

    public static LoginState oidc(
            String idHash,
            String workspaceId,
            String oidcState,
            String nonce,
            String pkceVerifier,
            String returnUrl,
            Instant now,
            Instant expiresAt) {
        LoginState state = new LoginState(idHash, workspaceId, SsoConnection.Type.OIDC, returnUrl, now, expiresAt);
        state.oidcState = oidcState;
        state.oidcNonce = nonce;
        state.pkceVerifier = pkceVerifier;
        return state;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public SsoConnection.Type protocol() {
        return protocol;
    }

    public String samlRequestId() {
        return samlRequestId;
    }

    public String oidcState() {
        return oidcState;
    }

    public String oidcNonce() {
        return oidcNonce;
    }

    public String pkceVerifier() {
        return pkceVerifier;
    }

    public String returnUrl() {
        return returnUrl;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "LoginState[" + workspaceId + ", " + protocol + "]";
    }
}
