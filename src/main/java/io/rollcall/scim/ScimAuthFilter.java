package io.rollcall.scim;

import io.rollcall.application.ratelimit.RateLimitDecision;
import io.rollcall.application.ratelimit.RateLimitScope;
import io.rollcall.application.ratelimit.RateLimiter;
import io.rollcall.application.scim.ScimCaller;
import io.rollcall.application.scim.VerifiedScimTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Authenticates every SCIM request by its bearer SCIM token before any resource runs; the token alone decides the
 * workspace. Missing, unknown, revoked or expired tokens get the same 401 so that nothing is revealed about tokens.
 * Each token has its own rate limit ({@link RateLimitScope#SCIM_TOKEN}): beyond it, 429 as a SCIM error with
 * {@code Retry-After} in seconds.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ScimAuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    private final VerifiedScimTokens tokens;
    private final ScimContext context;
    private final RateLimiter rateLimiter;

    @Inject
    public ScimAuthFilter(VerifiedScimTokens tokens, ScimContext context, RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.context = context;
        this.rateLimiter = rateLimiter;
    }

    /** For CDI proxies only. */
    protected ScimAuthFilter() {
        this(null, null, null);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        Optional<ScimCaller> caller = tokens.authenticate(secret);
        if (caller.isEmpty()) {
            request.abortWith(unauthorized("a valid SCIM bearer token is required"));
            return;
        }
        RateLimitDecision decision = rateLimiter.acquire(RateLimitScope.SCIM_TOKEN, caller.get().tokenId(),
                caller.get().workspaceId());
        if (!decision.allowed()) {
            // RFC 7644 has no 429 scimType; Entra and Okta back off on 429 with Retry-After (RFC 6585 §4).
            request.abortWith(Response.fromResponse(ScimErrors.response(429, null, "too many requests for this SCIM"
                    + " token; retry after " + decision.retryAfterSeconds() + " s"))
                    .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds()).build());
            return;
        }
        context.authenticate(caller.get());
    }

    static Response unauthorized(String detail) {
        return Response.fromResponse(ScimErrors.response(401, null, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"").build();
    }
}
