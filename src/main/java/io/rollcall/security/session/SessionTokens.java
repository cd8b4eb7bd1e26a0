package io.rollcall.security.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.rollcall.security.session.SessionRejection.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues and verifies Rollcall session JWTs: ES256, {@code typ} {@value #TYPE}, {@code iss} = the public URL,
 * {@code aud} = {@value #AUDIENCE}, {@code sub} = account id, {@code exp}/{@code iat}/{@code jti}, plus {@code email}
 * and {@code ws}. Verification is a fixed pipeline (parse → type → algorithm → key by {@code kid} → signature →
 * claims); the algorithm is pinned before any key is looked up, so {@code none} and HMAC tokens never reach a verifier.
 * The explicit {@code typ} keeps an IdP's ID token from ever passing as a session. Thread-safe.
 */
public final class SessionTokens {

    public static final String AUDIENCE = "rollcall";
    public static final String TYPE = "rollcall-session+jwt";
    /** Small: issuer and verifier are the same installation, only instance clocks differ. */
    static final Duration SKEW = Duration.ofSeconds(30);

    private final SessionKeys keys;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public SessionTokens(SessionKeys keys, String issuer, Duration lifetime, Clock clock) {
        this.keys = Objects.requireNonNull(keys);
        this.issuer = Objects.requireNonNull(issuer);
        this.lifetime = Objects.requireNonNull(lifetime);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A signed session for an account, valid for the configured lifetime. */
    public String issue(String accountId, String email, String workspaceId) {
        SessionKey key = keys.signingKey();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(accountId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", email)
                .claim("ws", workspaceId)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.kid())
                        .type(new JOSEObjectType(TYPE))
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a session with key " + key.kid(), e);
        }
        return jwt.serialize();
    }

    /** The lifetime of new sessions (for the cookie's Max-Age). */
    public Duration lifetime() {
        return lifetime;
    }

    public SessionClaims verify(String token) throws SessionRejection {
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (!new JOSEObjectType(TYPE).equals(header.getType())) {
            throw new SessionRejection(Reason.WRONG_TYPE, "not a Rollcall session token");
        }
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new SessionRejection(Reason.ALG_NOT_ALLOWED, "session tokens are ES256");
        }
        if (header.getKeyID() == null) {
            throw new SessionRejection(Reason.UNKNOWN_KEY, "session token has no kid");
        }
        ECKey key = keys.verificationKey(header.getKeyID())
                .orElseThrow(() -> new SessionRejection(Reason.UNKNOWN_KEY, "session signed by an unknown key"));
        try {
            if (!jwt.verify(new ECDSAVerifier(key))) {
                throw new SessionRejection(Reason.BAD_SIGNATURE, "session signature is invalid");
            }
        } catch (JOSEException e) {
            throw new SessionRejection(Reason.BAD_SIGNATURE, "session signature cannot be verified");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new SessionRejection(Reason.MALFORMED, "session claims are not JSON");
        }
        return check(claims);
    }

    private SessionClaims check(JWTClaimsSet claims) throws SessionRejection {
        if (!issuer.equals(claims.getIssuer())) {
            throw new SessionRejection(Reason.WRONG_ISSUER, "session issued elsewhere");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
            throw new SessionRejection(Reason.WRONG_AUDIENCE, "session is for another audience");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getSubject() == null || claims.getJWTID() == null) {
            throw new SessionRejection(Reason.MISSING_CLAIM, "session lacks exp, iat, sub or jti");
        }
        if (!now.isBefore(exp.toInstant().plus(SKEW))) {
            throw new SessionRejection(Reason.EXPIRED, "session has expired");
        }
        if (iat.toInstant().isAfter(now.plus(SKEW))) {
            throw new SessionRejection(Reason.ISSUED_IN_FUTURE, "session issued in the future");
        }
        try {
            return new SessionClaims(
                    claims.getSubject(),
                    claims.getStringClaim("email"),
                    claims.getStringClaim("ws"),
                    claims.getJWTID(),
                    exp.toInstant());
        } catch (ParseException e) {
            throw new SessionRejection(Reason.MALFORMED, "session claims have wrong types");
        }
    }

    private static SignedJWT parse(String token) throws SessionRejection {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new SessionRejection(Reason.MALFORMED, "not a JWT");
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        throw new SessionRejection(Reason.ALG_NOT_ALLOWED, "session token is not signed");
    }

    /** Whether a bearer credential is shaped like a JWT (three base64url parts), as opposed to an API token. */
    public static boolean looksLikeJwt(String credential) {
        return credential.startsWith("eyJ")
                && credential.chars().filter(c -> c == '.').count() == 2;
    }
}
