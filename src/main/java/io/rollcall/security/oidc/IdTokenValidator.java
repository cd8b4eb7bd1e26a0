package io.rollcall.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.rollcall.security.oidc.OidcRejection.Reason;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates an OIDC ID token: validation by Nimbus {@link IDTokenValidator} (OpenID Connect Core 1.0 §3.1.3.7), reason
 * codes by our pre/post checks.
 *
 * <ol>
 *   <li>Pre-checks, before any key is used: the token parses as a signed JWT whose claims are a JSON object
 *       ({@link Reason#MALFORMED}); its {@code alg} is one of the expected asymmetric algorithms, so {@code none} and
 *       HMAC tokens (e.g. HS256 "signed" with the RSA public key) never reach a verifier ({@link
 *       Reason#ALG_NOT_ALLOWED}); its {@code typ} is {@code JWT} or absent, Nimbus's rule ({@link
 *       Reason#WRONG_TYPE}); the issuer publishes a signing key with its {@code kid} ({@link Reason#UNKNOWN_KEY}),
 *       whose type fits the algorithm: the key type decides, never the header alone ({@link Reason#ALG_NOT_ALLOWED}).
 *   <li>Nimbus's {@link IDTokenValidator} with that one key and our clock skew: signature, then {@code iss}, {@code
 *       sub}, {@code aud}, {@code exp}, {@code iat}, {@code nonce} against the system clock. A bad signature is
 *       {@link Reason#BAD_SIGNATURE}. Refused claims are named by {@link IdTokenClaimChecks} (the signature being
 *       known good by then); if those pass but Nimbus refused, {@link Reason#CLAIMS_REJECTED}.
 *   <li>Post-checks on an accepted token: {@link IdTokenClaimChecks} again, which adds what Nimbus has not ({@code
 *       azp}, {@code nbf}, blank {@code sub}, constant-time nonce, the injected clock), so nothing is weaker than
 *       before.
 * </ol>
 *
 * Time: Nimbus reads the system clock and the post-checks the injected one; in the application both are the system
 * UTC clock. Thread-safe.
 */
public final class IdTokenValidator {

    /** Shortest RSA key accepted for an ID token's signature, in bits. */
    static final int MIN_RSA_BITS = 2048;

    /** Nimbus's default for a signed JWT ({@code DefaultJOSEObjectTypeVerifier.JWT}, which is a raw type). */
    private static final JOSEObjectTypeVerifier<SecurityContext> TYPES =
            new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null);

    private final JwksCache jwks;
    private final Duration skew;
    private final IdTokenClaimChecks claimChecks;

    /**
     * @param jwks the issuers' signing keys
     * @param clock the clock of the post-checks
     * @param skew the clock skew tolerated on {@code exp}, {@code nbf} and {@code iat} (whole seconds are used)
     */
    public IdTokenValidator(JwksCache jwks, Clock clock, Duration skew) {
        this.jwks = Objects.requireNonNull(jwks);
        this.skew = Objects.requireNonNull(skew);
        this.claimChecks = new IdTokenClaimChecks(clock, skew);
    }

    /**
     * @param idToken the compact serialised token
     * @param expected the connection's expectations
     * @param expectedNonce the nonce stored with this browser's login attempt; null or blank never matches
     * @return the token's identity and claims
     * @throws OidcRejection when the token is refused, with the reason
     * @throws OidcProviderException when the issuer's keys cannot be fetched or its key is unusable
     */
    public ValidatedIdToken validate(String idToken, IdTokenExpectations expected, String expectedNonce)
            throws OidcRejection, OidcProviderException {
        SignedJWT jwt = parseSigned(idToken);
        JWSHeader header = jwt.getHeader();
        if (!expected.allowedAlgorithms().contains(header.getAlgorithm())) {
            throw new OidcRejection(
                    Reason.ALG_NOT_ALLOWED, "ID token algorithm " + header.getAlgorithm() + " is not allowed");
        }
        try {
            TYPES.verify(header.getType(), null);
        } catch (BadJOSEException e) {
            throw new OidcRejection(Reason.WRONG_TYPE, "ID token type " + header.getType() + " is not JWT", e);
        }
        JWTClaimsSet claims = claims(jwt);
        PublicKey key = verificationKey(expected, header);
        try {
            nimbusValidator(expected, key).validate(jwt, nonce(expectedNonce));
        } catch (BadJWSException e) {
            throw new OidcRejection(Reason.BAD_SIGNATURE, "ID token signature is invalid", e);
        } catch (BadJWTException e) {
            // Nimbus checks claims only after the signature, and the claims parsed above: name the claim.
            claimChecks.check(claims, expected, expectedNonce);
            throw new OidcRejection(Reason.CLAIMS_REJECTED, "ID token claims were refused", e);
        } catch (BadJOSEException e) {
            // No key or verifier matched: cannot happen with the one fitting key, but a refusal all the same.
            throw new OidcRejection(Reason.BAD_SIGNATURE, "ID token signature cannot be verified", e);
        } catch (JOSEException e) {
            if (e.getCause() instanceof com.nimbusds.oauth2.sdk.ParseException) {
                throw new OidcRejection(Reason.MALFORMED, "ID token claims are not an ID token", e);
            }
            throw new OidcRejection(Reason.BAD_SIGNATURE, "ID token signature cannot be verified", e);
        }
        claimChecks.check(claims, expected, expectedNonce);
        Object verified = claims.getClaim("email_verified");
        return new ValidatedIdToken(
                claims.getIssuer(),
                claims.getSubject(),
                Optional.ofNullable(IdTokenClaimChecks.stringClaim(claims, "email")),
                Boolean.TRUE.equals(verified),
                claims.getExpirationTime().toInstant(),
                claims.getClaims());
    }

    private static SignedJWT parseSigned(String idToken) throws OidcRejection {
        if (idToken == null || idToken.isBlank()) {
            throw new OidcRejection(Reason.MALFORMED, "no ID token");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw new OidcRejection(Reason.MALFORMED, "ID token is not a JWT", e);
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        // PlainJWT (alg none) or an encrypted JWT: neither is a signed ID token we can accept.
        throw new OidcRejection(
                Reason.ALG_NOT_ALLOWED,
                "ID token is not signed (alg " + jwt.getHeader().getAlgorithm() + ")");
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws OidcRejection {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new OidcRejection(Reason.MALFORMED, "ID token claims are not a JSON object", e);
        }
    }

    /** The issuer's key with the token's {@code kid}, as a public key of the type the algorithm needs. */
    private PublicKey verificationKey(IdTokenExpectations expected, JWSHeader header)
            throws OidcRejection, OidcProviderException {
        JWSAlgorithm alg = header.getAlgorithm();
        JWK key = jwks.signingKey(expected.jwksUri(), header.getKeyID(), alg)
                .orElseThrow(() -> new OidcRejection(
                        Reason.UNKNOWN_KEY, "ID token signed with a key the issuer does not publish"));
        boolean fits = (key instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(alg))
                || (key instanceof ECKey && JWSAlgorithm.Family.EC.contains(alg));
        if (!fits) {
            throw new OidcRejection(
                    Reason.ALG_NOT_ALLOWED, "ID token algorithm " + alg + " does not fit key type " + key.getKeyType());
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
            // RFC 7517 section 4.4: a key's "alg" restricts the algorithm it may be used with.
            throw new OidcRejection(
                    Reason.ALG_NOT_ALLOWED, "the issuer's key is for " + key.getAlgorithm() + ", not " + alg);
        }
        if (key instanceof RSAKey rsa && rsa.size() < MIN_RSA_BITS) {
            // NIST SP 800-131A: RSA keys under 2048 bits are not acceptable for signatures.
            throw new OidcRejection(
                    Reason.ALG_NOT_ALLOWED,
                    "the issuer's RSA key has " + rsa.size() + " bits, fewer than " + MIN_RSA_BITS);
        }
        try {
            return ((AsymmetricJWK) key).toPublicKey();
        } catch (JOSEException e) {
            throw new OidcProviderException("issuer published an unusable key", e);
        }
    }

    /**
     * Nimbus's validator for one connection and one already selected key. Cheap to build (it holds its arguments), so
     * one per token: the issuer and client id differ per connection.
     */
    private IDTokenValidator nimbusValidator(IdTokenExpectations expected, PublicKey key) {
        JWSKeySelector<SecurityContext> selectedKey = (header, context) -> List.of(key);
        IDTokenValidator validator = new IDTokenValidator(
                new Issuer(expected.issuer()), new ClientID(expected.clientId()), selectedKey, null);
        validator.setMaxClockSkew(Math.toIntExact(skew.toSeconds()));
        return validator;
    }

    /** Nimbus skips its nonce check for null; ours then refuses (a login always stores a nonce). */
    private static Nonce nonce(String expectedNonce) {
        return expectedNonce == null || expectedNonce.isBlank() ? null : new Nonce(expectedNonce);
    }
}
