package io.rollcall.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretKeyRingTest {

    private static final byte[] OLD = key(1);
    private static final byte[] NEW = key(2);

    @Test
    void theNewestKeySealsAndTheOlderKeyStillOpens() {
        SecretBox before = new SecretBox(SecretKeyRing.of(OLD));
        String sealedBefore = before.seal("client-secret", "c");

        SecretBox rotated = new SecretBox(SecretKeyRing.of(NEW, OLD));
        String sealedAfter = rotated.seal("client-secret", "c");

        assertThat(rotated.open(sealedBefore, "c")).isEqualTo("client-secret");
        assertThat(SecretBox.keyIdOf(sealedBefore))
                .contains(SecretKeyRing.of(OLD).newestKeyId());
        assertThat(SecretBox.keyIdOf(sealedAfter)).contains(rotated.ring().newestKeyId());
        assertThat(rotated.sealedWithNewestKey(sealedBefore)).isFalse();
        assertThat(rotated.sealedWithNewestKey(sealedAfter)).isTrue();
        assertThat(new SecretBox(SecretKeyRing.of(NEW)).open(sealedAfter, "c")).isEqualTo("client-secret");
    }

    @Test
    void aValueSealedWithADroppedKeyNamesItsKeyIdAndNoKey() {
        String sealedBefore = new SecretBox(SecretKeyRing.of(OLD)).seal("s", "c");
        SecretKeyRing withoutOld = SecretKeyRing.of(NEW);
        String oldId = SecretKeyRing.of(OLD).newestKeyId();

        assertThatThrownBy(() -> new SecretBox(withoutOld).open(sealedBefore, "c"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sealed value has key id " + oldId + ", which is not in ROLLCALL_SECRET_KEY (its key ids: "
                        + withoutOld.newestKeyId() + ")");
    }

    @Test
    void keyIdsAreStableEightHexDigitsAndDistinct() {
        SecretKeyRing ring = SecretKeyRing.of(NEW, OLD);

        assertThat(ring.keyIds())
                .hasSize(2)
                .allMatch(id -> id.matches("[0-9a-f]{8}"))
                .doesNotHaveDuplicates();
        assertThat(ring.newestKeyId())
                .isEqualTo(ring.keyIds().get(0))
                .isEqualTo(SecretKeyRing.of(NEW).newestKeyId());
        assertThat(ring.toString()).doesNotContain(b64(NEW)).doesNotContain(b64(OLD));
    }

    @Test
    void theSettingIsCommaSeparatedNewestFirstWithSpacesAllowed() {
        SecretKeyRing ring = SecretKeyRing.parse(" " + b64(NEW) + " , " + b64(OLD) + " ");

        assertThat(ring.keyIds()).isEqualTo(SecretKeyRing.of(NEW, OLD).keyIds());
    }

    @Test
    void aMalformedRingNamesTheSettingAndTheEntryButNotTheValue() {
        String notBase64 = "not*base64*at*all";
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertMalformed(b64(NEW) + "," + notBase64, "ROLLCALL_SECRET_KEY entry 2 of 2 is not base64", notBase64);
        assertMalformed(tooShort, "ROLLCALL_SECRET_KEY must be 32 bytes (base64), got 16", tooShort);
        assertMalformed(b64(NEW) + ",," + b64(OLD), "ROLLCALL_SECRET_KEY entry 2 of 3 is empty", b64(NEW));
        assertMalformed(b64(NEW) + "," + b64(NEW), "ROLLCALL_SECRET_KEY entry 2 of 2 repeats an earlier key", b64(NEW));
        assertThatThrownBy(() -> SecretKeyRing.parse(" ")).hasMessage("ROLLCALL_SECRET_KEY is empty");
    }

    private static void assertMalformed(String setting, String messageStart, String secretPart) {
        assertThatThrownBy(() -> SecretKeyRing.parse(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretPart))
                .hasNoCause();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }

    private static String b64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
