package io.rollcall.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(new byte[32], new SecureRandom());

    @Test
    void sealedSecretOpensOnlyInItsContext() {
        String sealed = box.seal("client-secret", "oidc-client-secret:ws1");

        assertThat(sealed).startsWith("v1:").doesNotContain("client-secret");
        assertThat(box.open(sealed, "oidc-client-secret:ws1")).isEqualTo("client-secret");
        assertThatThrownBy(() -> box.open(sealed, "oidc-client-secret:ws2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyOrATamperedValueDoesNotOpen() {
        String sealed = box.seal("s", "c");
        byte[] other = new byte[32];
        other[0] = 1;

        assertThatThrownBy(() -> new SecretBox(other, new SecureRandom()).open(sealed, "c"))
                .isInstanceOf(IllegalStateException.class);
        String flipped = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThatThrownBy(() -> box.open(flipped, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(box.seal("s", "c")).isNotEqualTo(box.seal("s", "c"));
    }
}
