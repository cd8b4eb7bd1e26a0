package io.rollcall.security.session;

import java.time.Instant;

/**
 * What a verified session JWT says.
 *
 * @param accountId {@code sub}: the account that logged in
 * @param email the account's email at login
 * @param workspaceId the workspace whose IdP the person logged in through
 * @param sessionId {@code jti}
 * @param expiresAt {@code exp}
 */
public record SessionClaims(String accountId, String email, String workspaceId, String sessionId, Instant expiresAt) {}
