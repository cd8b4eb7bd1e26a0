package io.rollcall.security.oidc;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.rollcall.security.oidc.OidcRejection.Reason;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;

/**
 * One authorization-code login attempt: the URL to send the browser to (built by Nimbus's OIDC
 * {@link AuthenticationRequest}), plus the secrets the caller must keep bound to that browser (state, nonce, PKCE
 * verifier) until the callback.
 *
 * @param uri the authorization URL
 * @param state sent and expected back unchanged
 * @param nonce expected inside the ID token
 * @param pkce verifier to send with the code
 */
public record AuthorizationRequest(URI uri, String state, String nonce, Pkce pkce) {

    /**
     * Starts a login with fresh random state (32 bytes), nonce (32 bytes) and PKCE pair; {@code openid} is added to
     * {@code scopes} if missing.
     */
    public static AuthorizationRequest start(
            OidcProviderMetadata provider, String clientId, URI redirectUri, List<String> scopes, SecureRandom random) {
        String state = RandomValues.base64Url(random, 32);
        String nonce = RandomValues.base64Url(random, 32);
        Pkce pkce = Pkce.generate(random);
        Scope scope = new Scope();
        if (!scopes.contains("openid")) {
            scope.add("openid");
        }
        scopes.forEach(scope::add);
        URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, scope, new ClientID(clientId), redirectUri)
                .endpointURI(provider.authorizationEndpoint())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(pkce.verifier()), CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new AuthorizationRequest(uri, state, nonce, pkce);
    }

    /**
     * Checks the {@code state} the callback brought back against the one stored for this browser, in constant time.
     */
    public static void checkState(String expected, String received) throws OidcRejection {
        if (expected == null || received == null || !IdTokenClaimChecks.constantTimeEquals(expected, received)) {
            throw new OidcRejection(Reason.STATE_MISMATCH, "login state does not match this browser session");
        }
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[" + uri.getHost() + "]";
    }
}
