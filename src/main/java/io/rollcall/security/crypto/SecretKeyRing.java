package io.rollcall.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys of {@code ROLLCALL_SECRET_KEY}: a comma-separated list of entries, newest first, each the base64 of 32 random
 * bytes (an AES-256 key), for example {@code NEW_KEY_B64,OLD_KEY_B64}. Spaces around entries are ignored. The first key
 * encrypts; every key decrypts. A single entry (the format before key rotation) is a ring of one.
 *
 * <p>Each key has a key id: the first 4 bytes of SHA-256 over a fixed label and the key, shown as 8 hex digits. It is
 * derived rather than configured so that every instance given the same key agrees on its id without extra settings,
 * and it reveals nothing usable about the key. Immutable and thread-safe.
 */
public final class SecretKeyRing {

    /** The setting's name, used in every error message (never its value). */
    public static final String SETTING = "ROLLCALL_SECRET_KEY";

    private static final byte[] KEY_ID_LABEL = "rollcall secret key id v1\0".getBytes(StandardCharsets.US_ASCII);

    private final List<Key> keys;

    /** One key of the ring: its 32 bytes and its derived id. */
    record Key(int id, byte[] material) {
        String hexId() {
            return hex(id);
        }
    }

    private SecretKeyRing(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Parses the setting's value.
     *
     * @throws IllegalArgumentException naming {@value #SETTING} and the position of the bad entry (never the value)
     *         when an entry is empty, not base64, not 32 bytes long, or repeats another
     */
    public static SecretKeyRing parse(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException(SETTING + " is empty");
        }
        String[] entries = setting.split(",", -1);
        List<Key> keys = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < entries.length; i++) {
            String where = entries.length == 1 ? SETTING : SETTING + " entry " + (i + 1) + " of " + entries.length;
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException(
                        where + " is empty (expected comma-separated base64 keys, newest" + " first)");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry);
            } catch (IllegalArgumentException e) {
                // The decoder's message quotes the offending character: not repeated here.
                throw new IllegalArgumentException(
                        where + " is not base64 (generate a key with: openssl rand" + " -base64 32)");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException(where + " must be 32 bytes (base64), got " + material.length);
            }
            Key key = new Key(keyId(material), material);
            if (!ids.add(key.id())) {
                throw new IllegalArgumentException(where + " repeats an earlier key (key id " + key.hexId() + ")");
            }
            keys.add(key);
        }
        return new SecretKeyRing(keys);
    }

    /** The ring with these raw keys, newest first (each 32 bytes). */
    public static SecretKeyRing of(byte[]... keys) {
        List<String> entries = new ArrayList<>();
        for (byte[] key : keys) {
            entries.add(Base64.getEncoder().encodeToString(key));
        }
        return parse(String.join(",", entries));
    }

    /** The key id that new ciphertexts carry: that of the first (newest) key, 8 hex digits. */
    public String newestKeyId() {
        return keys.get(0).hexId();
    }

    /** Every key id, newest first, 8 hex digits each. */
    public List<String> keyIds() {
        return keys.stream().map(Key::hexId).toList();
    }

    List<Key> keys() {
        return keys;
    }

    static int keyId(byte[] material) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_ID_LABEL);
            byte[] digest = sha256.digest(material);
            return ((digest[0] & 0xff) << 24)
                    | ((digest[1] & 0xff) << 16)
                    | ((digest[2] & 0xff) << 8)
                    | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    static String hex(int id) {
        return String.format(Locale.ROOT, "%08x", id);
    }

    @Override
    public String toString() {
        return "SecretKeyRing" + keyIds();
    }
}
