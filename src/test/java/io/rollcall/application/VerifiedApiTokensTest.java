package io.rollcall.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.shared.UnauthenticatedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifiedApiTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final CountingTokenService database = new CountingTokenService();
    private final VerifiedApiTokens tokens = new VerifiedApiTokens(database, clock);

    @Test
    void aVerifiedTokenIsTrustedForAtMostFiveSecondsWithoutAskingTheDatabase() {
        database.usable("rcp_a", "token-a", null);
        assertThat(tokens.authenticate("rcp_a").credentialId()).isEqualTo("token-a");
        clock.advance(Duration.ofMillis(4_999));
        assertThat(tokens.authenticate("rcp_a").accountId()).isEqualTo("account-token-a");
        assertThat(database.checks).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        database.unusable("rcp_a"); // revoked by an instance that could not announce it
        assertThatThrownBy(() -> tokens.authenticate("rcp_a")).isInstanceOf(UnauthenticatedException.class);
        assertThat(database.checks).isEqualTo(2);
    }

    @Test
    void aRevocationCommittedHereOrAnnouncedTakesEffectForTheNextRequest() {
        database.usable("rcp_a", "token-a", null);
        database.usable("rcp_b", "token-b", null);
        database.usable("rcp_c", "token-c", null);
        tokens.authenticate("rcp_a");
        tokens.authenticate("rcp_b");
        tokens.authenticate("rcp_c");
        database.unusable("rcp_a");
        database.unusable("rcp_c");

        tokens.revoked(new ApiTokenRevoked("token-a"));
        tokens.forget("token-c");

        assertThatThrownBy(() -> tokens.authenticate("rcp_a")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> tokens.authenticate("rcp_c")).isInstanceOf(UnauthenticatedException.class);
        assertThat(tokens.authenticate("rcp_b").credentialId())
                .as("other tokens stay trusted")
                .isEqualTo("token-b");
        assertThat(database.checks).isEqualTo(5);
    }

    @Test
    void aTokenIsNeverTrustedPastItsExpiry() {
        database.usable("rcp_a", "token-a", T0.plusSeconds(2));
        tokens.authenticate("rcp_a");
        clock.advance(Duration.ofSeconds(2));
        database.unusable("rcp_a"); // expired now

        assertThatThrownBy(() -> tokens.authenticate("rcp_a")).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void unknownTokensAreAskedForEachTime() {
        assertThatThrownBy(() -> tokens.authenticate("rcp_nope")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> tokens.authenticate("rcp_nope")).isInstanceOf(UnauthenticatedException.class);
        assertThat(database.checks).isEqualTo(2);
    }

    /** Stands in for the database: usable tokens by secret hash. */
    private static final class CountingTokenService extends TokenService {
        private final Map<String, CheckedApiToken> byHash = new HashMap<>();
        int checks;

        void usable(String secret, String tokenId, Instant expiresAt) {
            byHash.put(
                    SecretTokens.hash(secret),
                    new CheckedApiToken(
                            new Caller(
                                    "account-" + tokenId,
                                    tokenId + "@example.com",
                                    Caller.Credential.API_TOKEN,
                                    tokenId),
                            expiresAt));
        }

        void unusable(String secret) {
            byHash.remove(SecretTokens.hash(secret));
        }

        @Override
        public CheckedApiToken checkApiToken(String tokenHash, Instant now) {
            checks++;
            CheckedApiToken found = byHash.get(tokenHash);
            if (found == null) {
                throw new UnauthenticatedException("the bearer token is invalid, expired or revoked");
            }
            return found;
        }
    }
}
