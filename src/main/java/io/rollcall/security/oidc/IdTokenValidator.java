package io.rollcall.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.rollcall.security.oidc.OidcRejection.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates an OIDC ID token as a fixed pipeline: parse → algorithm → key → signature → claims (iss, aud, azp, exp,
 * nbf, iat, nonce, sub). The algorithm is checked against the expectations before any key is touched, so {@code none}
 * and HMAC tokens (e.g. HS256 "signed" with the RSA public key) never reach a verifier; the verifier is chosen from the
 * key type, never from the header alone. Thread-safe.
 */
public final class IdTokenValidator {

    private final JwksCache jwks;
    private final Clock clock;
    private final Duration skew;

    public IdTokenValidator(JwksCache jwks, Clock clock, Duration skew) {
        this.jwks = Objects.requireNonNull(jwks);
        this.clock = Objects.requireNonNull(clock);
        this.skew = Objects.requireNonNull(skew);
    }

    /**
     * @param idToken the compact serialised token
     * @param expected the connection's expectations
     * @param expectedNonce the nonce stored with this browser's login attempt
     */
    public ValidatedIdToken validate(String idToken, IdTokenExpectations expected, String expectedNonce)
            throws OidcRejection, OidcProviderException {
        SignedJWT jwt = parseSigned(idToken);
        JWSHeader header = jwt.getHeader();
        if (!expected.allowedAlgorithms().contains(header.getAlgorithm())) {
            throw new OidcRejection(
                    Reason.ALG_NOT_ALLOWED, "ID token algorithm " + header.getAlgorithm() + " is not allowed");
        }
        JWK key = jwks.signingKey(expected.jwksUri(), header.getKeyID())
                .orElseThrow(() -> new OidcRejection(
                        Reason.UNKNOWN_KEY, "ID token signed with a key the issuer does not publish"));
        verifySignature(jwt, key);
        JWTClaimsSet claims = claims(jwt);
        checkClaims(claims, expected, expectedNonce);
        Object verified = claims.getClaim("email_verified");
        return new ValidatedIdToken(
                claims.getIssuer(),
                claims.getSubject(),
                Optional.ofNullable(stringClaim(claims, "email")),
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

    private static void verifySignature(SignedJWT jwt, JWK key) throws OidcRejection, OidcProviderException {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        JWSVerifier verifier;
        try {
            if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
                verifier = new ECDSAVerifier(ec);
            } else {
                throw new OidcRejection(
                        Reason.ALG_NOT_ALLOWED,
                        "ID token algorithm " + alg + " does not fit key type " + key.getKeyType());
            }
        } catch (JOSEException e) {
            throw new OidcProviderException("issuer published an unusable key", e);
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new OidcRejection(Reason.BAD_SIGNATURE, "ID token signature is invalid");
            }
        } catch (JOSEException e) {
            throw new OidcRejection(Reason.BAD_SIGNATURE, "ID token signature cannot be verified", e);
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws OidcRejection {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new OidcRejection(Reason.MALFORMED, "ID token claims are not a JSON object", e);
        }
    }

    private void checkClaims(JWTClaimsSet claims, IdTokenExpectations expected, String expectedNonce)
            throws OidcRejection {
        if (!expected.issuer().equals(claims.getIssuer())) {
            throw new OidcRejection(Reason.WRONG_ISSUER, "ID token issuer is not the configured issuer");
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(expected.clientId())) {
            throw new OidcRejection(Reason.WRONG_AUDIENCE, "ID token is not addressed to this client");
        }
        String azp = stringClaim(claims, "azp");
        if ((azp != null || audience.size() > 1) && !expected.clientId().equals(azp)) {
            throw new OidcRejection(Reason.WRONG_AZP, "ID token was issued to another party (azp)");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new OidcRejection(Reason.MISSING_CLAIM, "ID token has no exp");
        }
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            throw new OidcRejection(Reason.EXPIRED, "ID token has expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
            throw new OidcRejection(Reason.NOT_YET_VALID, "ID token is not valid yet");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw new OidcRejection(Reason.MISSING_CLAIM, "ID token has no iat");
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw new OidcRejection(Reason.ISSUED_IN_FUTURE, "ID token was issued in the future");
        }
        String nonce = stringClaim(claims, "nonce");
        if (expectedNonce == null || nonce == null || !constantTimeEquals(expectedNonce, nonce)) {
            throw new OidcRejection(Reason.NONCE_MISMATCH, "ID token nonce does not match this login");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new OidcRejection(Reason.MISSING_CLAIM, "ID token has no sub");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws OidcRejection {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new OidcRejection(Reason.MALFORMED, "ID token claim " + name + " is not a string", e);
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
