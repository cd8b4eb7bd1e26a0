package io.rollcall.application.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.application.MutableClock;
import io.rollcall.application.ScimTokenRevoked;
import io.rollcall.domain.identity.SecretTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedScimTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final CountingAuthenticator database = new CountingAuthenticator();
    private final VerifiedScimTokens tokens = new VerifiedScimTokens(database, clock);

    @Test
    void aVerifiedTokenIsTrustedForAtMostFiveSecondsWithoutAskingTheDatabase() {
        database.usable("secret-a", "token-a", null);
        assertThat(tokens.authenticate("secret-a")).map(ScimCaller::tokenId).contains("token-a");
        clock.advance(Duration.ofMillis(4_999));
        assertThat(tokens.authenticate("secret-a")).isPresent();
        assertThat(database.checks).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        database.unusable("secret-a"); // revoked on another node
        assertThat(tokens.authenticate("secret-a")).isEmpty();
        assertThat(database.checks).isEqualTo(2);
    }

    @Test
    void aRevocationCommittedHereTakesEffectForTheNextRequest() {
        database.usable("secret-a", "token-a", null);
        database.usable("secret-b", "token-b", null);
        tokens.authenticate("secret-a");
        tokens.authenticate("secret-b");
        database.unusable("secret-a");

        tokens.revoked(new ScimTokenRevoked("token-a"));

        assertThat(tokens.authenticate("secret-a")).isEmpty();
        assertThat(tokens.authenticate("secret-b"))
                .as("other tokens stay trusted")
                .isPresent();
        assertThat(database.checks).isEqualTo(3);
    }

    @Test
    void aTokenIsNeverTrustedPastItsExpiry() {
        database.usable("secret-a", "token-a", T0.plusSeconds(2));
        tokens.authenticate("secret-a");
        clock.advance(Duration.ofSeconds(2));
        database.unusable("secret-a"); // expired now
        assertThat(tokens.authenticate("secret-a")).isEmpty();
    }

    @Test
    void unknownAndImplausibleSecretsAreNotRemembered() {
        assertThat(tokens.authenticate("no-such-secret")).isEmpty();
        assertThat(tokens.authenticate("no-such-secret")).isEmpty();
        assertThat(database.checks).as("asked each time").isEqualTo(2);
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate(" ")).isEmpty();
        assertThat(tokens.authenticate("x".repeat(513))).isEmpty();
        assertThat(database.checks).as("never asked for these").isEqualTo(2);
    }

    /** Stands in for the database: usable tokens by secret hash. */
    private static final class CountingAuthenticator extends ScimAuthenticator {
        private final Map<String, Checked> byHash = new HashMap<>();
        int checks;

        void usable(String secret, String tokenId, Instant expiresAt) {
            byHash.put(SecretTokens.hash(secret), new Checked(new ScimCaller("ws", tokenId, "connector"), expiresAt));
        }

        void unusable(String secret) {
            byHash.remove(SecretTokens.hash(secret));
        }

        @Override
        public Optional<Checked> check(String tokenHash, Instant now) {
            checks++;
            return Optional.ofNullable(byHash.get(tokenHash));
        }
    }
}
