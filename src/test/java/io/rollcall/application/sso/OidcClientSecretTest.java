package io.rollcall.application.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rollcall.config.SsoSettings;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.security.crypto.SecretBox;
import io.rollcall.security.crypto.SecretKeyRing;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How an OIDC login opens the connection's client secret under the {@code ROLLCALL_SECRET_KEY} key ring: with the
 * sealing key anywhere in the ring it opens; without it the login is refused as {@code secret-key-mismatch} (503 on
 * {@code /sso}), not an unhandled error.
 */
class OidcClientSecretTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String KEY_A = newKey();
    private static final String KEY_B = newKey();

    @Test
    void aSecretSealedUnderAnOlderKeyOpensWhileThatKeyIsStillInTheRing() {
        SsoConnection connection = connectionSealedWith(KEY_A);

        assertThat(login(KEY_A).clientSecret(connection)).isEqualTo("client-secret");
        assertThat(login(KEY_B + "," + KEY_A).clientSecret(connection)).isEqualTo("client-secret");
    }

    @Test
    void aRingWithoutTheSealingKeyRefusesTheLoginAsASecretKeyMismatch() {
        SsoConnection connection = connectionSealedWith(KEY_A);

        SsoFailure failure =
                catchThrowableOfType(SsoFailure.class, () -> login(KEY_B).clientSecret(connection));

        assertThat(failure.reason()).isEqualTo(SsoFailure.Reason.SECRET_KEY_MISMATCH);
        assertThat(failure.code()).isEqualTo("secret-key-mismatch");
        assertThat(failure.getMessage())
                .doesNotContain(KEY_A)
                .doesNotContain(KEY_B)
                .doesNotContain("client-secret");
    }

    @Test
    void noKeyRingAtAllIsASecretKeyMissing() {
        SsoFailure failure =
                catchThrowableOfType(SsoFailure.class, () -> login(null).clientSecret(connectionSealedWith(KEY_A)));

        assertThat(failure.reason()).isEqualTo(SsoFailure.Reason.SECRET_KEY_MISSING);
    }

    private static OidcLogin login(String ring) {
        SsoSettings settings = new SsoSettings(Optional.ofNullable(ring), 60, 480, 30, 10);
        return new OidcLogin(null, null, new SecretVault(settings), null, settings, null);
    }

    private static SsoConnection connectionSealedWith(String key) {
        SsoConnection connection = new SsoConnection("ws1", SsoConnection.Type.OIDC, NOW);
        String sealed =
                new SecretBox(SecretKeyRing.parse(key)).seal("client-secret", SsoConnection.clientSecretContext("ws1"));
        connection.configureOidc("https://idp.example", "client", sealed, "openid email", "groups", NOW);
        return connection;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
