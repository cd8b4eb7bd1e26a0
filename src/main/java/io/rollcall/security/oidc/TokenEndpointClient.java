package io.rollcall.security.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.rollcall.security.oidc.OidcRejection.Reason;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Exchanges an authorization code for tokens (OIDC Core §3.1.3) with {@code client_secret_basic} or
 * {@code client_secret_post}. A 400/401 with an OAuth error is the person's problem (a replayed or expired code):
 * {@link OidcRejection} with {@link Reason#CODE_REJECTED}; anything else is {@link OidcProviderException}. Error
 * messages carry the OAuth {@code error} code only, never the response body or the secret. Thread-safe.
 */
public final class TokenEndpointClient {

    private final OidcHttp http;

    public TokenEndpointClient(OidcHttp http) {
        this.http = Objects.requireNonNull(http);
    }

    public TokenResponse exchange(URI tokenEndpoint, ClientCredentials client, String code, URI redirectUri,
            String codeVerifier) throws OidcRejection, OidcProviderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(OidcHttp.requireSecure(tokenEndpoint))
                .timeout(http.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (client.method() == ClientCredentials.AuthMethod.CLIENT_SECRET_BASIC) {
            // RFC 6749 §2.3.1: id and secret are form-encoded before being joined for Basic.
            String basic = formEncode(client.clientId()) + ":" + formEncode(client.clientSecret());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", client.clientId());
            form.put("client_secret", client.clientSecret());
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + formEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        OidcHttp.Response response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                tokenEndpoint);
        Map<String, Object> json = parse(response);
        if (response.status() == 400 || response.status() == 401) {
            throw new OidcRejection(Reason.CODE_REJECTED, "token endpoint refused the code: "
                    + safeErrorCode(json.get("error")));
        }
        if (response.status() != 200) {
            throw new OidcProviderException("token endpoint answered HTTP " + response.status());
        }
        if (!(json.get("id_token") instanceof String idToken) || idToken.isBlank()) {
            throw new OidcProviderException("token response has no id_token");
        }
        Object accessToken = json.get("access_token");
        Object tokenType = json.get("token_type");
        return new TokenResponse(idToken, Optional.ofNullable(accessToken instanceof String s ? s : null),
                tokenType instanceof String t ? t : "");
    }

    private static Map<String, Object> parse(OidcHttp.Response response) throws OidcProviderException {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new OidcProviderException("token endpoint answered HTTP " + response.status() + " without JSON", e);
        }
    }

    /** OAuth error codes are a small ASCII vocabulary; anything else is not echoed. */
    private static String safeErrorCode(Object error) {
        return error instanceof String s && s.matches("[a-z_]{1,64}") ? s : "unknown_error";
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
