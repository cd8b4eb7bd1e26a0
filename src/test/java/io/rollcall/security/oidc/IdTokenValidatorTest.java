package io.rollcall.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.rollcall.application.MutableClock;
import io.rollcall.security.oidc.OidcRejection.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdTokenValidatorTest {

    private static final String CLIENT = "rollcall";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final Duration REFETCH = Duration.ofMinutes(5);

    private TestOidcProvider provider;
    private MutableClock clock;
    private IdTokenValidator validator;
    private IdTokenExpectations expected;
    private RSAKey k1;

    @BeforeEach
    void setUp() throws Exception {
        provider = new TestOidcProvider();
        k1 = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
        provider.jwks.set(new JWKSet(List.of(k1.toPublicJWK())));
        // Nimbus's IDTokenValidator judges exp and iat on the system clock, so the test clock starts there (JWT times
        // are whole seconds); the tokens stay well inside its 60 s skew unless a test says otherwise.
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        JwksCache cache = new JwksCache(OidcHttp.withDefaults(), REFETCH, Duration.ofHours(24));
        validator = new IdTokenValidator(cache, clock, Duration.ofSeconds(60));
        OidcProviderMetadata metadata = new OidcDiscovery(OidcHttp.withDefaults()).discover(provider.issuer());
        expected = IdTokenExpectations.forProvider(metadata, CLIENT);
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(provider.issuer())
                .subject("user-1")
                .audience(CLIENT)
                .expirationTime(Date.from(now.plusSeconds(300)))
                .issueTime(Date.from(now))
                .claim("nonce", NONCE)
                .claim("email", "ada@example.com")
                .claim("email_verified", true);
    }

    private String sign(JWK key, JWTClaimsSet claims) throws JOSEException {
        JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        SignedJWT jwt =
                new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
        jwt.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key));
        return jwt.serialize();
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return sign(k1, change.apply(claims()).build());
    }

    private void assertRejected(String token, Reason reason) {
        assertThatThrownBy(() -> validator.validate(token, expected, NONCE))
                .isInstanceOfSatisfying(
                        OidcRejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    @Test
    void validTokenPasses() throws Exception {
        ValidatedIdToken token = validator.validate(token(b -> b), expected, NONCE);
        assertThat(token.subject()).isEqualTo("user-1");
        assertThat(token.issuer()).isEqualTo(provider.issuer());
        assertThat(token.email()).contains("ada@example.com");
        assertThat(token.emailVerified()).isTrue();
    }

    @Test
    void expectationsDropSymmetricAndNoneEvenWhenAnnounced() {
        assertThat(expected.allowedAlgorithms()).containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    }

    @Test
    void algNoneIsRejected() {
        assertRejected(new PlainJWT(claims().build()).serialize(), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void hs256SignedWithTheRsaPublicKeyIsRejected() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(k1.toPublicKey().getEncoded()));
        assertRejected(jwt.serialize(), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void algorithmNotFittingTheKeyTypeIsRejected() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        // ES256 is allowed, but the published k1 is an RSA key: the key type decides, not the header.
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), claims().build());
        jwt.sign(new ECDSASigner(ec));
        assertRejected(jwt.serialize(), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void signatureByAnotherKeyWithTheSameKidIsRejected() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertRejected(sign(impostor, claims().build()), Reason.BAD_SIGNATURE);
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        String[] parts = token(b -> b).split("\\.");
        String evil = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        claims().subject("admin").build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRejected(parts[0] + "." + evil + "." + parts[2], Reason.BAD_SIGNATURE);
    }

    @Test
    void wrongIssuerIsRejected() throws Exception {
        assertRejected(token(b -> b.issuer("https://evil.example")), Reason.WRONG_ISSUER);
    }

    @Test
    void wrongAudienceIsRejected() throws Exception {
        assertRejected(token(b -> b.audience("someone-else")), Reason.WRONG_AUDIENCE);
    }

    @Test
    void severalAudiencesRequireAzpToBeUs() throws Exception {
        assertRejected(token(b -> b.audience(List.of(CLIENT, "other"))), Reason.WRONG_AZP);
        assertRejected(token(b -> b.audience(List.of(CLIENT, "other")).claim("azp", "other")), Reason.WRONG_AZP);
        assertThat(validator
                        .validate(
                                token(b -> b.audience(List.of(CLIENT, "other")).claim("azp", CLIENT)), expected, NONCE)
                        .subject())
                .isEqualTo("user-1");
    }

    @Test
    void foreignAzpIsRejectedEvenWithOneAudience() throws Exception {
        assertRejected(token(b -> b.claim("azp", "other")), Reason.WRONG_AZP);
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        assertRejected(token(b -> b.expirationTime(Date.from(clock.instant().minusSeconds(61)))), Reason.EXPIRED);
    }

    @Test
    void expiryWithinSkewIsAccepted() throws Exception {
        assertThat(validator
                        .validate(
                                token(b -> b.expirationTime(
                                        Date.from(clock.instant().minusSeconds(30)))),
                                expected,
                                NONCE)
                        .subject())
                .isEqualTo("user-1");
    }

    @Test
    void tokenIssuedInTheFutureIsRejected() throws Exception {
        assertRejected(token(b -> b.issueTime(Date.from(clock.instant().plusSeconds(120)))), Reason.ISSUED_IN_FUTURE);
    }

    @Test
    void wrongOrMissingNonceIsRejected() throws Exception {
        assertRejected(token(b -> b.claim("nonce", "other")), Reason.NONCE_MISMATCH);
        assertRejected(token(b -> b.claim("nonce", null)), Reason.NONCE_MISMATCH);
    }

    @Test
    void stateMismatchIsRejected() {
        assertThatThrownBy(() -> AuthorizationRequest.checkState("expected-state", "other-state"))
                .isInstanceOfSatisfying(
                        OidcRejection.class, r -> assertThat(r.reason()).isEqualTo(Reason.STATE_MISMATCH));
        assertThatThrownBy(() -> AuthorizationRequest.checkState("expected-state", null))
                .isInstanceOf(OidcRejection.class);
    }

    @Test
    void garbageIsMalformed() {
        assertRejected("not-a-jwt", Reason.MALFORMED);
    }

    @Test
    void madeUpKidsCauseAtMostOneRefetchInsideTheRateLimitWindow() throws Exception {
        validator.validate(token(b -> b), expected, NONCE);
        assertThat(provider.jwksFetches.get()).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            RSAKey madeUp = new RSAKeyGenerator(2048).keyID("made-up-" + i).generate();
            assertRejected(sign(madeUp, claims().build()), Reason.UNKNOWN_KEY);
        }
        // Nimbus's rate limiter allows two fetches per window; the first load was one of them.
        assertThat(provider.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void keyRotationIsPickedUpByRefetchAndAFurtherUnknownKidDoesNotRefetch() throws Exception {
        validator.validate(token(b -> b), expected, NONCE);
        RSAKey k2 = new RSAKeyGenerator(2048).keyID("k2").generate();
        provider.jwks.set(new JWKSet(List.of(k2.toPublicJWK())));
        // No clock advance: the unknown kid alone triggers the refetch (JwksCache does not read the test clock), and
        // Nimbus would refuse tokens issued ahead of the system clock.

        assertThat(validator
                        .validate(sign(k2, claims().build()), expected, NONCE)
                        .subject())
                .isEqualTo("user-1");
        assertThat(provider.jwksFetches.get()).isEqualTo(2);

        RSAKey k3 = new RSAKeyGenerator(2048).keyID("k3").generate();
        assertRejected(sign(k3, claims().build()), Reason.UNKNOWN_KEY);
        assertThat(provider.jwksFetches.get()).isEqualTo(2);
        // k1 was withdrawn by the rotation and is no longer trusted.
        assertRejected(token(b -> b), Reason.UNKNOWN_KEY);
    }

    @Test
    void ecKeysWork() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256)
                .keyID("ec1")
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        provider.jwks.set(new JWKSet(List.of(k1.toPublicJWK(), ec.toPublicJWK())));
        assertThat(validator
                        .validate(sign(ec, claims().build()), expected, NONCE)
                        .subject())
                .isEqualTo("user-1");
    }

    @Test
    void onlyConfiguredAlgorithmsAreAccepted() throws Exception {
        IdTokenExpectations rsOnly =
                new IdTokenExpectations(provider.issuer(), CLIENT, provider.uri("/jwks"), Set.of(JWSAlgorithm.PS256));
        assertThatThrownBy(() -> validator.validate(token(b -> b), rsOnly, NONCE))
                .isInstanceOfSatisfying(
                        OidcRejection.class, r -> assertThat(r.reason()).isEqualTo(Reason.ALG_NOT_ALLOWED));
    }

    @Test
    void tokenNotYetValidIsRejected() throws Exception {
        // Nimbus does not check nbf (RFC 7519 §4.1.5): our post-check does.
        assertRejected(token(b -> b.notBeforeTime(Date.from(clock.instant().plusSeconds(120)))), Reason.NOT_YET_VALID);
    }

    @Test
    void missingOrBlankRequiredClaimsAreMissingClaims() throws Exception {
        // Nimbus refuses a missing exp, iat or sub, our checks name them; a blank sub only we refuse.
        assertRejected(token(b -> b.expirationTime(null)), Reason.MISSING_CLAIM);
        assertRejected(token(b -> b.issueTime(null)), Reason.MISSING_CLAIM);
        assertRejected(token(b -> b.subject(null)), Reason.MISSING_CLAIM);
        assertRejected(token(b -> b.subject(" ")), Reason.MISSING_CLAIM);
    }

    @Test
    void accessTokenTypedJwtIsRejectedAsWrongType() throws Exception {
        // RFC 9068 access tokens carry typ at+jwt; Nimbus's JWT type rule admits only JWT or no typ.
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("k1")
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims().build());
        jwt.sign(new RSASSASigner(k1));
        assertRejected(jwt.serialize(), Reason.WRONG_TYPE);
        SignedJWT typed = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("k1")
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims().build());
        typed.sign(new RSASSASigner(k1));
        assertThat(validator.validate(typed.serialize(), expected, NONCE).subject())
                .isEqualTo("user-1");
    }

    @Test
    void claimsThatAreNotAJsonObjectAreMalformed() throws Exception {
        String[] parts = token(b -> b).split("\\.");
        String notJson = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("[1,2]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRejected(parts[0] + "." + notJson + "." + parts[2], Reason.MALFORMED);
    }

    @Test
    void aTokenNimbusRefusesOnTheSystemClockIsRefusedEvenWhenOurClockAcceptsIt() throws Exception {
        // Our clock an hour behind the system clock: the token is valid by ours, expired by Nimbus's, so no claim
        // check of ours names the reason and the generic one is used.
        clock.advance(Duration.ofHours(-1));
        assertRejected(token(b -> b), Reason.CLAIMS_REJECTED);
    }

    @Test
    void aTokenNimbusAcceptsIsStillRefusedByOurClock() throws Exception {
        // The reverse: our clock an hour ahead, Nimbus accepts (system clock), our post-check refuses.
        String fresh = token(b -> b);
        clock.advance(Duration.ofHours(1));
        assertRejected(fresh, Reason.EXPIRED);
    }

    @Test
    void expectationsRefuseSymmetricAlgorithms() {
        assertThatThrownBy(
                        () -> new IdTokenExpectations("i", CLIENT, provider.uri("/jwks"), Set.of(JWSAlgorithm.HS256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Found by the break-it review (OpenID Connect Core 1.0 section 3.1.3.7, RFC 7517 sections 4.4 and 4.5).

    @Test
    void oneKidPublishedForAnEcAndAnRsaKeyPicksTheKeyThatFitsTheAlgorithm() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256)
                .keyID("k1")
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        provider.jwks.set(new JWKSet(List.of(ec.toPublicJWK(), k1.toPublicJWK())));
        assertThat(validator.validate(token(b -> b), expected, NONCE).subject()).isEqualTo("user-1");
        assertThat(validator
                        .validate(sign(ec, claims().build()), expected, NONCE)
                        .subject())
                .isEqualTo("user-1");
    }

    @Test
    void aKeyRestrictedToAnotherAlgorithmIsNotUsed() throws Exception {
        RSAKey restricted = new RSAKey.Builder(k1).algorithm(JWSAlgorithm.PS256).build();
        provider.jwks.set(new JWKSet(List.of(restricted.toPublicJWK())));
        assertRejected(token(b -> b), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void anRsaKeyShorterThan2048BitsIsRefused() throws Exception {
        RSAKey weak = new RSAKeyGenerator(1024, true)
                .keyID("k1")
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        provider.jwks.set(new JWKSet(List.of(weak.toPublicJWK())));
        // Nimbus's signer refuses short keys, so the token is signed with the JDK's RS256 (RSASSA-PKCS1-v1_5, SHA-256).
        String signingInput =
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build().toBase64URL()
                        + "."
                        + com.nimbusds.jose.util.Base64URL.encode(
                                claims().build().toString());
        java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
        rs256.initSign(weak.toPrivateKey());
        rs256.update(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertRejected(
                signingInput + "." + com.nimbusds.jose.util.Base64URL.encode(rs256.sign()), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void aBlankStoredNonceNeverMatchesEvenABlankClaim() throws Exception {
        String blankNonce = token(b -> b.claim("nonce", ""));
        assertThatThrownBy(() -> validator.validate(blankNonce, expected, ""))
                .isInstanceOfSatisfying(
                        OidcRejection.class, r -> assertThat(r.reason()).isEqualTo(Reason.NONCE_MISMATCH));
        String spaceNonce = token(b -> b.claim("nonce", " "));
        assertThatThrownBy(() -> validator.validate(spaceNonce, expected, " "))
                .isInstanceOfSatisfying(
                        OidcRejection.class, r -> assertThat(r.reason()).isEqualTo(Reason.NONCE_MISMATCH));
    }
}
