package io.rollcall.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
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
        for (int index = 0; index < decoded(sealed).length; index++) {
            String tampered = flipBit(sealed, index);
            assertThatThrownBy(() -> box.open(tampered, "c")).as("byte %d flipped", index)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * Flips one bit of the decoded ciphertext. Flipping a base64 character instead may only change padding bits, which
     * the decoder ignores, and then the "tampered" value still opened (about 1 run in 16).
     */
    private static String flipBit(String sealed, int index) {
        byte[] bytes = decoded(sealed);
        bytes[index] ^= 0x01;
        return "v1:" + Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decoded(String sealed) {
        return Base64.getDecoder().decode(sealed.substring("v1:".length()));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(box.seal("s", "c")).isNotEqualTo(box.seal("s", "c"));
    }
}
