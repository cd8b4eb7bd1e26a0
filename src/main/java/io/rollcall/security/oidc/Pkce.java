package io.rollcall.security.oidc;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.security.SecureRandom;

/**
 * A PKCE pair (RFC 7636) with the S256 method: a 43-character verifier from 32 random bytes and its challenge
 * {@code BASE64URL(SHA-256(verifier))}, computed by Nimbus's {@link CodeChallenge}.
 *
 * @param verifier kept with the login attempt and sent with the code
 * @param challenge sent in the authorization request
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = CodeChallengeMethod.S256.getValue();

    /** A fresh pair. */
    public static Pkce generate(SecureRandom random) {
        String verifier = RandomValues.base64Url(random, 32);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /**
     * The S256 challenge of a verifier.
     *
     * @throws IllegalArgumentException for a verifier RFC 7636 §4.1 does not allow (under 43 or over 128 characters,
     *         or characters outside {@code [A-Za-z0-9-._~]})
     */
    public static String challengeOf(String verifier) {
        return CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier))
                .getValue();
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + "]";
    }
}
