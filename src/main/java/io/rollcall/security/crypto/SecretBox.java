package io.rollcall.security.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticated encryption of small secrets at rest under a {@link SecretKeyRing}, with Google Tink's AES-256-GCM. A
 * {@code context} string is bound as associated data, so a ciphertext copied into another row or column (e.g. another
 * workspace's client secret) does not decrypt. Thread-safe.
 *
 * <p>Two stored shapes:
 * <ul>
 * <li>{@code v2:} + base64(Tink ciphertext) = base64(0x01 || key id (4 bytes, big-endian) || IV (12) || ciphertext ||
 * tag (16)). Written by {@link #seal}, always with the ring's newest key; the key id says which key opens it.</li>
 * <li>{@code v1:} + base64(IV (12) || ciphertext || tag (16)): written before key rotation existed, with no key id.
 * It is the same AES-256-GCM, so Tink opens it as the "no prefix" variant; every key of the ring is tried.
 * {@code reencrypt-secrets} rewrites such values as {@code v2}.</li>
 * </ul>
 */
public final class SecretBox {

    private static final String LEGACY = "v1:";
    private static final String CURRENT = "v2:";
    /** Tink's prefix for keys with a key id: one version byte (0x01) and the id. */
    private static final int TINK_PREFIX_BYTES = 5;

    private static final int MIN_CIPHERTEXT_BYTES = 12 + 16;

    private final SecretKeyRing ring;
    private final Aead current;
    private final Aead legacy;

    public SecretBox(SecretKeyRing ring) {
        this.ring = ring;
        this.current = aead(ring, AesGcmParameters.Variant.TINK);
        this.legacy = aead(ring, AesGcmParameters.Variant.NO_PREFIX);
    }

    /** The ring this box seals and opens with. */
    public SecretKeyRing ring() {
        return ring;
    }

    /** Encrypts {@code plaintext} with the newest key: {@code v2:}… carrying that key's id. */
    public String seal(String plaintext, String context) {
        try {
            byte[] sealed = current.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), aad(context));
            return CURRENT + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a value written by {@link #seal} (or by Rollcall before key rotation, {@code v1:}).
     *
     * @throws IllegalStateException when the value is not a sealed value, names a key id the ring does not hold (the
     *         message gives that id, never a key), or was sealed with another key or context or was altered
     */
    public String open(String sealed, String context) {
        byte[] in = decode(sealed);
        Aead aead = legacy;
        if (sealed.startsWith(CURRENT)) {
            String keyId = keyIdOf(in);
            if (!ring.keyIds().contains(keyId)) {
                throw new IllegalStateException("sealed value has key id " + keyId + ", which is not in "
                        + SecretKeyRing.SETTING + " (its key ids: " + String.join(", ", ring.keyIds()) + ")");
            }
            aead = current;
        }
        try {
            return new String(aead.decrypt(in, aad(context)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Deliberately no detail: the cause is "wrong key, wrong context or tampered", nothing more to say.
            throw new IllegalStateException(
                    "sealed value cannot be opened with the configured " + SecretKeyRing.SETTING);
        }
    }

    /**
     * The key id a sealed value carries (8 hex digits); empty for a {@code v1:} value, which carries none.
     *
     * @throws IllegalStateException when the value is not a sealed value
     */
    public static Optional<String> keyIdOf(String sealed) {
        byte[] in = decode(sealed);
        return sealed.startsWith(CURRENT) ? Optional.of(keyIdOf(in)) : Optional.empty();
    }

    /** Whether {@link #open} would use the newest key, i.e. re-encrypting the value would change nothing. */
    public boolean sealedWithNewestKey(String sealed) {
        return keyIdOf(sealed).filter(ring.newestKeyId()::equals).isPresent();
    }

    private static String keyIdOf(byte[] tinkCiphertext) {
        int id = ((tinkCiphertext[1] & 0xff) << 24)
                | ((tinkCiphertext[2] & 0xff) << 16)
                | ((tinkCiphertext[3] & 0xff) << 8)
                | (tinkCiphertext[4] & 0xff);
        return SecretKeyRing.hex(id);
    }

    private static byte[] decode(String sealed) {
        boolean current = sealed != null && sealed.startsWith(CURRENT);
        if (sealed == null || !current && !sealed.startsWith(LEGACY)) {
            throw new IllegalStateException("not a sealed value");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(CURRENT.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sealed value is not base64");
        }
        int prefix = current ? TINK_PREFIX_BYTES : 0;
        if (in.length < prefix + MIN_CIPHERTEXT_BYTES || current && in[0] != 0x01) {
            throw new IllegalStateException("sealed value is truncated or malformed");
        }
        return in;
    }

    private static byte[] aad(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }

    /** A Tink keyset holding every key of the ring in one variant, the newest one primary. */
    private static Aead aead(SecretKeyRing ring, AesGcmParameters.Variant variant) {
        try {
            AeadConfig.register(); // idempotent: Tink's global registry of AEAD key types
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(variant)
                    .build();
            KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
            boolean primary = true;
            for (SecretKeyRing.Key key : ring.keys()) {
                AesGcmKey aesKey = AesGcmKey.builder()
                        .setParameters(parameters)
                        .setKeyBytes(SecretBytes.copyFrom(key.material(), InsecureSecretKeyAccess.get()))
                        .setIdRequirement(parameters.hasIdRequirement() ? key.id() : null)
                        .build();
                KeysetHandle.Builder.Entry entry =
                        KeysetHandle.importKey(aesKey).withFixedId(key.id());
                keyset.addEntry(primary ? entry.makePrimary() : entry);
                primary = false;
            }
            return keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink refused the AES-256-GCM keyset", e);
        }
    }
}
