package io.rollcall.security.oidc;

import io.rollcall.security.oidc.OidcRejection.Reason;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One authorization-code login attempt: the URL to send the browser to, plus the secrets the caller must keep bound to
 * that browser (state, nonce, PKCE verifier) until the callback.
 *
 * @param uri the authorization URL
 * @param state sent and expected back unchanged
 * @param nonce expected inside the ID token
 * @param pkce verifier to send with the code
 */
public record AuthorizationRequest(URI uri, String state, String nonce, Pkce pkce) {

    /** Starts a login with fresh random state (32 bytes), nonce (32 bytes) and PKCE pair. */
    public static AuthorizationRequest start(OidcProviderMetadata provider, String clientId, URI redirectUri,
            List<String> scopes, SecureRandom random) {
        String state = RandomValues.base64Url(random, 32);
        String nonce = RandomValues.base64Url(random, 32);
        Pkce pkce = Pkce.generate(random);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri.toString());
        params.put("scope", scopes.contains("openid") ? String.join(" ", scopes)
                : "openid" + (scopes.isEmpty() ? "" : " " + String.join(" ", scopes)));
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", Pkce.METHOD);
        String base = provider.authorizationEndpoint().toString();
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new AuthorizationRequest(URI.create(base + (base.contains("?") ? "&" : "?") + query), state, nonce, pkce);
    }

    /**
     * Checks the {@code state} the callback brought back against the one stored for this browser, in constant time.
     */
    public static void checkState(String expected, String received) throws OidcRejection {
        if (expected == null || received == null || !IdTokenValidator.constantTimeEquals(expected, received)) {
            throw new OidcRejection(Reason.STATE_MISMATCH, "login state does not match this browser session");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[" + uri.getHost() + "]";
    }
}
