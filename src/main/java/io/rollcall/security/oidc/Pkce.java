package io.rollcall.security.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636) with the S256 method: a 43-character verifier from 32 random bytes and its challenge
 * {@code BASE64URL(SHA-256(verifier))}.
 *
 * @param verifier kept with the login attempt and sent with the code
 * @param challenge sent in the authorization request
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    /** A fresh pair. */
    public static Pkce generate(SecureRandom random) {
        String verifier = RandomValues.base64Url(random, 32);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The S256 challenge of a verifier. */
    public static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + "]";
    }
}
