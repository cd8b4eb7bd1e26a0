package io.rollcall.security.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.rollcall.security.oidc.OidcRejection.Reason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exchanges an authorization code for tokens (OIDC Core §3.1.3) with {@code client_secret_basic} or
 * {@code client_secret_post} and the PKCE verifier. The request (form, client authentication, RFC 6749 §2.3.1
 * encoding) is Nimbus's {@link TokenRequest}; it travels through {@link OidcHttp} (https or loopback http, timeouts,
 * size cap). A 400/401 with an OAuth error is the person's problem (a replayed or expired code): {@link OidcRejection}
 * with {@link Reason#CODE_REJECTED}; anything else is {@link OidcProviderException}. Error messages carry the OAuth
 * {@code error} code only, never the response body or the secret. The ID token is returned unparsed: the
 * {@link IdTokenValidator} judges it. Thread-safe.
 */
public final class TokenEndpointClient {

    private final OidcHttp http;

    public TokenEndpointClient(OidcHttp http) {
        this.http = Objects.requireNonNull(http);
    }

    /**
     * @param codeVerifier the PKCE verifier of this login (43 to 128 characters, RFC 7636 §4.1)
     */
    public TokenResponse exchange(
            URI tokenEndpoint, ClientCredentials client, String code, URI redirectUri, String codeVerifier)
            throws OidcRejection, OidcProviderException {
        ClientID clientId = new ClientID(client.clientId());
        Secret secret = new Secret(client.clientSecret());
        ClientAuthentication authentication = client.method() == ClientCredentials.AuthMethod.CLIENT_SECRET_BASIC
                ? new ClientSecretBasic(clientId, secret)
                : new ClientSecretPost(clientId, secret);
        HTTPRequest nimbus = new TokenRequest.Builder(
                        OidcHttp.requireSecure(tokenEndpoint),
                        authentication,
                        new AuthorizationCodeGrant(
                                new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)))
                .build()
                .toHTTPRequest();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(tokenEndpoint).timeout(http.timeout()).header("Accept", "application/json");
        for (Map.Entry<String, List<String>> header : nimbus.getHeaderMap().entrySet()) {
            header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
        OidcHttp.Response response = http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(nimbus.getBody()))
                        .build(),
                tokenEndpoint);
        Map<String, Object> json = parse(response);
        if (response.status() == 400 || response.status() == 401) {
            Object error = json.get("error");
            throw new OidcRejection(
                    Reason.CODE_REJECTED,
                    "token endpoint refused the code: " + safeErrorCode(error instanceof String s ? s : null));
        }
        if (response.status() != 200) {
            throw new OidcProviderException("token endpoint answered HTTP " + response.status());
        }
        if (!(json.get("id_token") instanceof String idToken) || idToken.isBlank()) {
            throw new OidcProviderException("token response has no id_token");
        }
        Object accessToken = json.get("access_token");
        Object tokenType = json.get("token_type");
        return new TokenResponse(
                idToken,
                Optional.ofNullable(accessToken instanceof String s ? s : null),
                tokenType instanceof String t ? t : "");
    }

    private static Map<String, Object> parse(OidcHttp.Response response) throws OidcProviderException {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new OidcProviderException("token endpoint answered HTTP " + response.status() + " without JSON", e);
        }
    }

    /** OAuth error codes are a small ASCII vocabulary ({@link ErrorObject#getCode()}); anything else is not echoed. */
    private static String safeErrorCode(String error) {
        return error != null && error.matches("[a-z_]{1,64}") ? error : "unknown_error";
    }
}
