package io.rollcall.security.oidc;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The parts of an OIDC discovery document Rollcall uses.
 *
 * @param issuer the issuer, equal to the configured one
 * @param authorizationEndpoint where the browser is sent
 * @param tokenEndpoint where the code is exchanged
 * @param jwksUri the issuer's signing keys
 * @param idTokenSigningAlgs {@code id_token_signing_alg_values_supported}, possibly empty
 * @param tokenEndpointAuthMethods {@code token_endpoint_auth_methods_supported}, possibly empty
 */
public record OidcProviderMetadata(
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI jwksUri,
        List<String> idTokenSigningAlgs,
        List<String> tokenEndpointAuthMethods) {

    public OidcProviderMetadata {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
        idTokenSigningAlgs = List.copyOf(idTokenSigningAlgs);
        tokenEndpointAuthMethods = List.copyOf(tokenEndpointAuthMethods);
    }
}
