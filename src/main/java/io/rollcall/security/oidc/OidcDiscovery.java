package io.rollcall.security.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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

    /**
     * Parses a discovery document with Nimbus's {@link OIDCProviderMetadata} (which requires the members OIDC
     * Discovery §3 marks REQUIRED) and checks it belongs to {@code expectedIssuer}; every endpoint must be https, or
     * http on loopback.
     */
    public static OidcProviderMetadata parse(String expectedIssuer, String json) throws OidcProviderException {
        OIDCProviderMetadata doc;
        try {
            doc = OIDCProviderMetadata.parse(json);
        } catch (ParseException e) {
            throw new OidcProviderException("discovery document is not valid OIDC provider metadata", e);
        }
        if (!expectedIssuer.equals(doc.getIssuer().getValue())) {
            throw new OidcProviderException("discovery document issuer does not match the configured issuer");
        }
        return new OidcProviderMetadata(
                doc.getIssuer().getValue(),
                OidcHttp.requireSecure(required(doc.getAuthorizationEndpointURI(), "authorization_endpoint")),
                OidcHttp.requireSecure(required(doc.getTokenEndpointURI(), "token_endpoint")),
                OidcHttp.requireSecure(required(doc.getJWKSetURI(), "jwks_uri")),
                names(doc.getIDTokenJWSAlgs(), JWSAlgorithm::getName),
                names(doc.getTokenEndpointAuthMethods(), ClientAuthenticationMethod::getValue));
    }

    private static URI required(URI uri, String name) throws OidcProviderException {
        if (uri == null) {
            throw new OidcProviderException("discovery document lacks " + name);
        }
        return uri;
    }

    private static <T> List<String> names(List<T> values, Function<T, String> name) {
        return values == null ? List.of() : values.stream().map(name).toList();
    }
}
