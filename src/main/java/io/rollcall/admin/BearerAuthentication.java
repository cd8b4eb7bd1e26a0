package io.rollcall.admin;

import io.rollcall.application.TokenService;
import io.rollcall.domain.shared.UnauthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates every admin API request by its bearer credential, a personal API token ({@code rcp_...}). A missing, unknown, expired or revoked credential is 401 with the same message, so the
 * answer reveals nothing about which tokens exist.
 */
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";
    private static final int MAX_CREDENTIAL_LENGTH = 8192;

    private final TokenService tokens;
    private final CallerContext context;

    @Inject
    public BearerAuthentication(TokenService tokens, CallerContext context) {
        this.tokens = tokens;
        this.context = context;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("a bearer token is required (Authorization: Bearer <token>)");
        }
        String credential = header.substring(BEARER.length()).trim();
        if (credential.isEmpty() || credential.length() > MAX_CREDENTIAL_LENGTH) {
            throw new UnauthenticatedException("the bearer token is invalid, expired or revoked");
        }
        context.set(tokens.authenticateApiToken(credential));
    }
}
