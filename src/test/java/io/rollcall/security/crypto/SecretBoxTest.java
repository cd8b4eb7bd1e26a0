package io.rollcall.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    /** The key {@link #LEGACY_SECRET} was sealed with: bytes 1..32. */
    static final String LEGACY_KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    /** Sealed by SecretBox before key rotation (commit 7fa195c) from "legacy-client-secret". */
    static final String LEGACY_SECRET = "v1:12tLcPMRkxw+Jz6GfC7g6Ntjs37fD5qDcCZljEx3rB9N5UTyVlqQLJg0fjGOcL1F";

    static final String LEGACY_CONTEXT = "oidc-client-secret:ws-legacy";

    private final SecretBox box = new SecretBox(SecretKeyRing.of(new byte[32]));

    @Test
    void sealedSecretOpensOnlyInItsContext() {
        String sealed = box.seal("client-secret", "oidc-client-secret:ws1");

        assertThat(sealed).startsWith("v2:").doesNotContain("client-secret");
        assertThat(box.open(sealed, "oidc-client-secret:ws1")).isEqualTo("client-secret");
        assertThatThrownBy(() -> box.open(sealed, "oidc-client-secret:ws2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyOrATamperedValueDoesNotOpen() {
        String sealed = box.seal("s", "c");
        byte[] other = new byte[32];
        other[0] = 1;

        assertThatThrownBy(() -> new SecretBox(SecretKeyRing.of(other)).open(sealed, "c"))
                .isInstanceOf(IllegalStateException.class);
        // From byte 5 on: IV, ciphertext and tag (bytes 0-4 are the version and key id, tested below).
        for (int index = 5; index < decoded(sealed).length; index++) {
            String tampered = flipBit(sealed, index);
            assertThatThrownBy(() -> box.open(tampered, "c"))
                    .as("byte %d flipped", index)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("sealed value cannot be opened with the configured ROLLCALL_SECRET_KEY");
        }
    }

    @Test
    void aTamperedKeyIdOrVersionByteDoesNotOpen() {
        String sealed = box.seal("s", "c");

        for (int index = 0; index < 5; index++) {
            String tampered = flipBit(sealed, index);
            assertThatThrownBy(() -> box.open(tampered, "c"))
                    .as("byte %d flipped", index)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aTamperedLegacyValueDoesNotOpen() {
        SecretBox legacyBox = new SecretBox(SecretKeyRing.parse(LEGACY_KEY));
        byte[] bytes = Base64.getDecoder().decode(LEGACY_SECRET.substring(3));

        for (int index = 0; index < bytes.length; index++) {
            byte[] copy = bytes.clone();
            copy[index] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(copy);
            assertThatThrownBy(() -> legacyBox.open(tampered, LEGACY_CONTEXT))
                    .as("byte %d flipped", index)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(box.seal("s", "c")).isNotEqualTo(box.seal("s", "c"));
    }

    @Test
    void aValueSealedBeforeKeyRotationStillOpens() {
        SecretBox ring = new SecretBox(SecretKeyRing.parse(LEGACY_KEY));

        assertThat(ring.open(LEGACY_SECRET, LEGACY_CONTEXT)).isEqualTo("legacy-client-secret");
        assertThat(SecretBox.keyIdOf(LEGACY_SECRET)).isEmpty();
        assertThat(ring.sealedWithNewestKey(LEGACY_SECRET)).isFalse();
        assertThatThrownBy(() -> ring.open(LEGACY_SECRET, "oidc-client-secret:other"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLegacyValueOpensWhenItsKeyIsAnOlderKeyOfTheRing() {
        SecretBox rotated =
                new SecretBox(SecretKeyRing.parse(Base64.getEncoder().encodeToString(new byte[32]) + "," + LEGACY_KEY));

        assertThat(rotated.open(LEGACY_SECRET, LEGACY_CONTEXT)).isEqualTo("legacy-client-secret");
    }

    @Test
    void malformedValuesAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> box.open("plain-secret", "c")).hasMessage("not a sealed value");
        assertThatThrownBy(() -> box.open(null, "c")).hasMessage("not a sealed value");
        assertThatThrownBy(() -> box.open("v2:***", "c")).hasMessage("sealed value is not base64");
        assertThatThrownBy(() -> box.open("v2:AQID", "c")).hasMessage("sealed value is truncated or malformed");
    }

    private static String flipBit(String sealed, int index) {
        byte[] bytes = decoded(sealed);
        bytes[index] ^= 0x01;
        return "v2:" + Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decoded(String sealed) {
        return Base64.getDecoder().decode(sealed.substring("v2:".length()));
    }
}
