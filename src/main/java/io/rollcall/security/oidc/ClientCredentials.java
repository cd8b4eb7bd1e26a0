package io.rollcall.security.oidc;

import java.util.Objects;

/**
 * Rollcall's confidential-client credentials at one provider.
 *
 * @param clientId the client id
 * @param clientSecret the secret; never logged ({@link #toString()} hides it)
 * @param method how the secret is sent to the token endpoint
 */
public record ClientCredentials(String clientId, String clientSecret, AuthMethod method) {

    /** Token endpoint client authentication (OIDC Core §9). */
    public enum AuthMethod {
        CLIENT_SECRET_BASIC,
        CLIENT_SECRET_POST
    }

    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", method=" + method + "]";
    }
}
