package io.rollcall.security.oidc;

import java.util.Optional;

/**
 * The token endpoint's answer to a code exchange. Not validated here: pass {@link #idToken()} to
 * {@link IdTokenValidator}.
 *
 * @param idToken the ID token (compact JWT)
 * @param accessToken the access token, if any
 * @param tokenType {@code token_type}
 */
public record TokenResponse(String idToken, Optional<String> accessToken, String tokenType) {

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + "]";
    }
}
