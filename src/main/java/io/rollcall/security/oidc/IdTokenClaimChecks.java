package io.rollcall.security.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
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

/**
 * Rollcall's own checks of a signature-verified ID token's claims, in this order: {@code iss}, {@code aud},
 * {@code azp}, {@code exp}, {@code nbf}, {@code iat}, {@code nonce}, {@code sub}. They run after Nimbus's
 * {@code IDTokenClaimsVerifier} for two reasons: to name the precise {@link Reason} of a refusal (Nimbus throws one
 * exception type for all claims), and to keep the rules Nimbus does not have: {@code azp} must be our client id when
 * present or when there are several audiences (OpenID Connect Core 1.0 §3.1.3.7 items 4-5; Nimbus only parses it),
 * {@code nbf} with the clock skew (RFC 7519 §4.1.5), a non-blank {@code sub}, a constant-time nonce comparison, and time
 * read from the injected {@link Clock} (Nimbus reads the system clock). Thread-safe.
 */
final class IdTokenClaimChecks {

    private final Clock clock;
    private final Duration skew;

    IdTokenClaimChecks(Clock clock, Duration skew) {
        this.clock = Objects.requireNonNull(clock);
        this.skew = Objects.requireNonNull(skew);
    }

    /**
     * @param claims the claims of a token whose signature has been verified
     * @param expected issuer and client id to compare with
     * @param expectedNonce the nonce stored with this browser's login attempt; null or blank never matches
     * @throws OidcRejection with the reason of the first failing check
     */
    void check(JWTClaimsSet claims, IdTokenExpectations expected, String expectedNonce) throws OidcRejection {
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
        if (expectedNonce == null
                || expectedNonce.isBlank()
                || nonce == null
                || !constantTimeEquals(expectedNonce, nonce)) {
            throw new OidcRejection(Reason.NONCE_MISMATCH, "ID token nonce does not match this login");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new OidcRejection(Reason.MISSING_CLAIM, "ID token has no sub");
        }
    }

    /** The claim as a string, null when absent; a claim of another JSON type is {@link Reason#MALFORMED}. */
    static String stringClaim(JWTClaimsSet claims, String name) throws OidcRejection {
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
