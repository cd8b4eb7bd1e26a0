package io.rollcall.security.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final String ISSUER = "https://rollcall.example";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));

    /** A clock the test moves by hand. */
    static final class TestClock extends java.time.Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Keys keys = new Keys();
    private final SessionTokens tokens = new SessionTokens(keys, ISSUER, Duration.ofHours(8), clock);

    /** In-memory key source: the newest key signs, every listed key verifies. */
    static final class Keys implements SessionKeys {
        final List<SessionKey> all = new ArrayList<>();

        Keys() {
            rotate();
        }

        void rotate() {
            all.add(0, SessionKey.generate("k" + all.size(), Instant.MAX));
        }

        @Override
        public SessionKey signingKey() {
            return all.get(0);
        }

        @Override
        public Optional<ECKey> verificationKey(String kid) {
            return all.stream()
                    .filter(k -> k.kid().equals(kid))
                    .map(k -> k.jwk().toPublicJWK())
                    .findFirst();
        }

        @Override
        public List<ECKey> publishedKeys() {
            return all.stream().map(k -> k.jwk().toPublicJWK()).toList();
        }
    }

    @Test
    void issuedSessionVerifiesWithItsClaims() throws Exception {
        String jwt = tokens.issue("acc-1", "ada@example.com", "default");

        SessionClaims claims = tokens.verify(jwt);

        assertThat(claims.accountId()).isEqualTo("acc-1");
        assertThat(claims.email()).isEqualTo("ada@example.com");
        assertThat(claims.workspaceId()).isEqualTo("default");
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
        assertThat(SessionTokens.looksLikeJwt(jwt)).isTrue();
        assertThat(SessionTokens.looksLikeJwt("rcp_abcdef")).isFalse();
    }

    @Test
    void expiredSessionIsRejected() {
        String jwt = tokens.issue("acc-1", "ada@example.com", "default");
        clock.advance(Duration.ofHours(8).plusSeconds(31));

        assertRejected(jwt, SessionRejection.Reason.EXPIRED);
    }

    @Test
    void sessionsSignedByARetiredKeyStillVerifyAfterRotation() throws Exception {
        String old = tokens.issue("acc-1", "ada@example.com", "default");
        keys.rotate();
        String fresh = tokens.issue("acc-1", "ada@example.com", "default");

        assertThat(tokens.verify(old).accountId()).isEqualTo("acc-1");
        assertThat(SignedJWT.parse(fresh).getHeader().getKeyID())
                .isNotEqualTo(SignedJWT.parse(old).getHeader().getKeyID());
    }

    @Test
    void sessionSignedByAnUnknownKeyIsRejected() throws Exception {
        ECKey stranger = SessionKey.generate("k0", Instant.MAX).jwk(); // same kid, different key
        assertRejected(
                sign(stranger, JWSAlgorithm.ES256, TYPE, claims().build()), SessionRejection.Reason.BAD_SIGNATURE);
        ECKey unknown = SessionKey.generate("nobody", Instant.MAX).jwk();
        assertRejected(sign(unknown, JWSAlgorithm.ES256, TYPE, claims().build()), SessionRejection.Reason.UNKNOWN_KEY);
    }

    @Test
    void algNoneIsRejected() {
        String none = new PlainJWT(claims().build()).serialize();
        assertRejected(none, SessionRejection.Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void hmacSignedWithThePublicKeyIsRejected() throws Exception {
        ECKey key = keys.signingKey().jwk();
        byte[] secret = key.toPublicJWK().toJSONString().repeat(2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SignedJWT hs = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(key.getKeyID())
                        .type(TYPE)
                        .build(),
                claims().build());
        hs.sign(new MACSigner(secret));
        assertRejected(hs.serialize(), SessionRejection.Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        String[] parts = tokens.issue("acc-1", "ada@example.com", "default").split("\\.");
        String evil = Base64URL.encode(claims().subject("acc-owner").build().toString())
                .toString();
        assertRejected(parts[0] + "." + evil + "." + parts[2], SessionRejection.Reason.BAD_SIGNATURE);
    }

    @Test
    void wrongIssuerAudienceOrTypeIsRejected() throws Exception {
        ECKey key = keys.signingKey().jwk();
        assertRejected(
                sign(
                        key,
                        JWSAlgorithm.ES256,
                        TYPE,
                        claims().issuer("https://evil.example").build()),
                SessionRejection.Reason.WRONG_ISSUER);
        assertRejected(
                sign(
                        key,
                        JWSAlgorithm.ES256,
                        TYPE,
                        claims().audience("someone-else").build()),
                SessionRejection.Reason.WRONG_AUDIENCE);
        // An ID token-shaped JWT (typ JWT) signed by our own key still is not a session.
        assertRejected(
                sign(key, JWSAlgorithm.ES256, JOSEObjectType.JWT, claims().build()),
                SessionRejection.Reason.WRONG_TYPE);
    }

    @Test
    void garbageIsMalformed() {
        assertRejected("eyJ.not.ajwt", SessionRejection.Reason.MALFORMED);
    }

    private static final JOSEObjectType TYPE = new JOSEObjectType(SessionTokens.TYPE);

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(SessionTokens.AUDIENCE)
                .subject("acc-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID("j1");
    }

    private static String sign(ECKey key, JWSAlgorithm alg, JOSEObjectType type, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(type).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private void assertRejected(String jwt, SessionRejection.Reason reason) {
        assertThatThrownBy(() -> tokens.verify(jwt))
                .isInstanceOf(SessionRejection.class)
                .extracting(e -> ((SessionRejection) e).reason())
                .isEqualTo(reason);
    }
}
