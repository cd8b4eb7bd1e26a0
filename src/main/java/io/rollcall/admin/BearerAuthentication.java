package io.rollcall.admin;

import io.rollcall.application.Caller;
import io.rollcall.application.VerifiedApiTokens;
import io.rollcall.application.ratelimit.RateLimitDecision;
import io.rollcall.application.ratelimit.RateLimitScope;
import io.rollcall.application.ratelimit.RateLimiter;
import io.rollcall.application.sso.SessionService;
import io.rollcall.domain.shared.UnauthenticatedException;
import io.rollcall.security.session.SessionTokens;
import io.rollcall.sso.Cookies;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Authenticates every admin API request by its bearer credential: a personal API token ({@code rcp_...}) or a
 * Rollcall session JWT from an SSO login (anything JWT-shaped is verified as one, never as an API token). Without an
 * {@code Authorization} header, the {@code rollcall_session} cookie (the console's sign-in) is accepted instead, after
 * the CSRF checks of {@link SessionCookieCsrf}. A missing,
 * unknown, expired, revoked or forged credential is 401 with the same message, so the answer reveals nothing about
 * which tokens exist or why one failed. Each credential has its own rate limit ({@link RateLimitScope#API_TOKEN}):
 * beyond it, 429 problem details ({@code code} {@code rate-limited}) with {@code Retry-After} in seconds.
 */
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";
    private static final int MAX_CREDENTIAL_LENGTH = 8192;

    private final VerifiedApiTokens tokens;
    private final SessionService sessions;
    private final CallerContext context;
    private final SessionCookieCsrf csrf;
    private final RateLimiter rateLimiter;

    @Inject
    public BearerAuthentication(
            VerifiedApiTokens tokens,
            SessionService sessions,
            CallerContext context,
            SessionCookieCsrf csrf,
            RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.context = context;
        this.csrf = csrf;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = authenticate(request);
        // A session's limit is its account's: each login mints a new JWT, an API token keeps its id.
        String key = caller.credential() == Caller.Credential.API_TOKEN
                ? caller.credentialId()
                : "account:" + caller.accountId();
        RateLimitDecision decision = rateLimiter.acquire(RateLimitScope.API_TOKEN, key, null);
        if (!decision.allowed()) {
            request.abortWith(Response.fromResponse(ProblemResponses.of(
                            429,
                            "Too Many Requests",
                            "rate-limited",
                            "too many requests with this credential; retry after " + decision.retryAfterSeconds()
                                    + " s"))
                    .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds())
                    .build());
            return;
        }
        context.set(caller);
    }

    private Caller authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(Cookies.SESSION);
        if (header == null && cookie != null && !cookie.getValue().isEmpty()) {
            csrf.check(request);
            if (cookie.getValue().length() > MAX_CREDENTIAL_LENGTH) {
                throw new UnauthenticatedException("the bearer token is invalid, expired or revoked");
            }
            return sessions.authenticate(cookie.getValue());
        }
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("a bearer token is required (Authorization: Bearer <token>)");
        }
        String credential = header.substring(BEARER.length()).trim();
        if (credential.isEmpty() || credential.length() > MAX_CREDENTIAL_LENGTH) {
            throw new UnauthenticatedException("the bearer token is invalid, expired or revoked");
        }
        return SessionTokens.looksLikeJwt(credential)
                ? sessions.authenticate(credential)
                : tokens.authenticate(credential);
    }
}
