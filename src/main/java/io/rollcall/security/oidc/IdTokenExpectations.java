package io.rollcall.security.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * What an ID token of one connection must look like.
 *
 * @param issuer the configured issuer ({@code iss} must equal it)
 * @param clientId Rollcall's client id ({@code aud} must contain it, {@code azp} must equal it when present)
 * @param jwksUri where the issuer's keys are
 * @param allowedAlgorithms the asymmetric algorithms accepted; use {@link #forProvider} to intersect with what the
 *     provider announces
 */
public record IdTokenExpectations(String issuer, String clientId, URI jwksUri, Set<JWSAlgorithm> allowedAlgorithms) {

    /** Asymmetric signature algorithms Rollcall accepts at most; never {@code none}, never HMAC. */
    public static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    public IdTokenExpectations {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(jwksUri, "jwksUri");
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        if (allowedAlgorithms.isEmpty() || !ASYMMETRIC.containsAll(allowedAlgorithms)) {
            throw new IllegalArgumentException("allowed algorithms must be a non-empty subset of " + ASYMMETRIC);
        }
    }

    /**
     * Expectations from discovery: the allowed algorithms are the asymmetric ones the provider announces in
     * {@code id_token_signing_alg_values_supported}, or RS256 (the OIDC default) when it announces none.
     */
    public static IdTokenExpectations forProvider(OidcProviderMetadata provider, String clientId) {
        Set<JWSAlgorithm> announced = provider.idTokenSigningAlgs().stream()
                .map(JWSAlgorithm::parse)
                .filter(ASYMMETRIC::contains)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new IdTokenExpectations(
                provider.issuer(),
                clientId,
                provider.jwksUri(),
                announced.isEmpty() ? Set.of(JWSAlgorithm.RS256) : announced);
    }
}
