package io.rollcall.security.oidc;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe values for {@code state}, {@code nonce} and PKCE verifiers. */
final class RandomValues {

    private RandomValues() {}

    static String base64Url(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
