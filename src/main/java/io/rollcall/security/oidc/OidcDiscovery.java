package io.rollcall.security.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches and checks {@code {issuer}/.well-known/openid-configuration}. The document's {@code issuer} must equal the
 * configured issuer exactly (OIDC Discovery §4.3) so that a document served elsewhere cannot redirect trust. Thread-safe;
 * no caching here (the caller decides how long a connection's metadata lives).
 */
public final class OidcDiscovery {

    private final OidcHttp http;

    public OidcDiscovery(OidcHttp http) {
        this.http = Objects.requireNonNull(http);
    }

    /** Fetches and validates the discovery document of {@code issuer}. */
    public OidcProviderMetadata discover(String issuer) throws OidcProviderException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI uri = URI.create(base + "/.well-known/openid-configuration");
        OidcHttp.Response response = http.get(uri);
        if (response.status() != 200) {
            throw new OidcProviderException("discovery document answered HTTP " + response.status());
        }
        return parse(issuer, response.body());
    }

    /** Parses a discovery document and checks it belongs to {@code expectedIssuer}. */
    public static OidcProviderMetadata parse(String expectedIssuer, String json) throws OidcProviderException {
        Map<String, Object> doc;
        try {
            doc = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new OidcProviderException("discovery document is not a JSON object", e);
        }
        String issuer = string(doc, "issuer");
        if (!expectedIssuer.equals(issuer)) {
            throw new OidcProviderException("discovery document issuer does not match the configured issuer");
        }
        return new OidcProviderMetadata(issuer,
                OidcHttp.requireSecure(uri(doc, "authorization_endpoint")),
                OidcHttp.requireSecure(uri(doc, "token_endpoint")),
                OidcHttp.requireSecure(uri(doc, "jwks_uri")),
                strings(doc, "id_token_signing_alg_values_supported"),
                strings(doc, "token_endpoint_auth_methods_supported"));
    }

    private static String string(Map<String, Object> doc, String name) throws OidcProviderException {
        Object value = doc.get(name);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new OidcProviderException("discovery document lacks " + name);
        }
        return s;
    }

    private static URI uri(Map<String, Object> doc, String name) throws OidcProviderException {
        try {
            return URI.create(string(doc, name));
        } catch (IllegalArgumentException e) {
            throw new OidcProviderException("discovery document has an invalid " + name, e);
        }
    }

    private static List<String> strings(Map<String, Object> doc, String name) {
        return doc.get(name) instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }
}
