package io.rollcall.admin;

import io.rollcall.application.TokenService;
import io.rollcall.application.sso.SessionService;
import io.rollcall.security.session.SessionTokens;
import io.rollcall.domain.shared.UnauthenticatedException;
import io.rollcall.sso.Cookies;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates every admin API request by its bearer credential: a personal API token ({@code rcp_...}) or a
 * Rollcall session JWT from an SSO login (anything JWT-shaped is verified as one, never as an API token). Without an
 * {@code Authorization} header, the {@code rollcall_session} cookie (the console's sign-in) is accepted instead, after
 * the CSRF checks of {@link SessionCookieCsrf}. A missing,
 * unknown, expired, revoked or forged credential is 401 with the same message, so the answer reveals nothing about
 * which tokens exist or why one failed.
 */
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";
    private static final int MAX_CREDENTIAL_LENGTH = 8192;

    private final TokenService tokens;
    private final SessionService sessions;
    private final CallerContext context;
    private final SessionCookieCsrf csrf;

    @Inject
    public BearerAuthentication(TokenService tokens, SessionService sessions, CallerContext context,
            SessionCookieCsrf csrf) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.context = context;
        this.csrf = csrf;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(Cookies.SESSION);
        if (header == null && cookie != null && !cookie.getValue().isEmpty()) {
            csrf.check(request);
            if (cookie.getValue().length() > MAX_CREDENTIAL_LENGTH) {
                throw new UnauthenticatedException("the bearer token is invalid, expired or revoked");
            }
            context.set(sessions.authenticate(cookie.getValue()));
            return;
        }
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("a bearer token is required (Authorization: Bearer <token>)");
        }
        String credential = header.substring(BEARER.length()).trim();
        if (credential.isEmpty() || credential.length() > MAX_CREDENTIAL_LENGTH) {
            throw new UnauthenticatedException("the bearer token is invalid, expired or revoked");
        }
        context.set(SessionTokens.looksLikeJwt(credential) ? sessions.authenticate(credential)
                : tokens.authenticateApiToken(credential));
    }
}
