package io.rollcall.security.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An ID token that passed every check.
 *
 * @param issuer {@code iss}
 * @param subject {@code sub}, the stable identity at this issuer
 * @param email {@code email}, if present
 * @param emailVerified {@code email_verified} is JSON {@code true}; false when absent or anything else
 * @param expiresAt {@code exp}
 * @param claims all claims as parsed JSON (strings, numbers, booleans, lists, maps), unmodifiable
 */
public record ValidatedIdToken(
        String issuer,
        String subject,
        Optional<String> email,
        boolean emailVerified,
        Instant expiresAt,
        Map<String, Object> claims) {

    public ValidatedIdToken {
        claims = Map.copyOf(claims);
    }

    @Override
    public String toString() {
        return "ValidatedIdToken[issuer=" + issuer + ", subject=" + subject + "]";
    }
}
