package io.rollcall.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (API, SCIM and invite tokens). A token is shown once; only its SHA-256 is stored. Tokens carry
 * 256 bits of randomness, so a plain (unsalted) hash is enough and lets us look a presented token up by its hash.
 */
public final class SecretTokens {

    /** Prefix of personal API tokens. */
    public static final String API_PREFIX = "rcp_";
    /** Prefix of SCIM tokens. */
    public static final String SCIM_PREFIX = "rcs_";
    /** Prefix of invite tokens. */
    public static final String INVITE_PREFIX = "rci_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {}

    /** A freshly issued secret: the plain value (to show once), its hash and a short hint for listings. */
    public record Issued(String plain, String hash, String hint) {
        @Override
        public String toString() {
            return "Issued[hint=" + hint + "]";
        }
    }

    public static Issued issue(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String plain = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(plain, hash(plain), hint(plain));
    }

    /** Wraps a secret chosen by the operator (ROLLCALL_BOOTSTRAP_TOKEN). */
    public static Issued adopt(String plain) {
        return new Issued(plain, hash(plain), hint(plain));
    }

    public static String hash(String plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }

    /** The last four characters: enough to tell tokens apart in a list, useless to an attacker. */
    static String hint(String plain) {
        return "…" + plain.substring(Math.max(0, plain.length() - 4));
    }
}
