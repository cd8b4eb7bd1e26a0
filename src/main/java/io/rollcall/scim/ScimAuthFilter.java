package io.rollcall.scim;

import io.rollcall.application.ratelimit.RateLimitDecision;
import io.rollcall.application.ratelimit.RateLimitScope;
import io.rollcall.application.ratelimit.RateLimiter;
import io.rollcall.application.scim.ScimCaller;
import io.rollcall.application.scim.VerifiedScimTokens;
import io.rollcall.domain.identity.SecretTokens;
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
 * Authenticates every SCIM request by its SCIM token ({@code Authorization: Bearer rcs_...}, or the bare token as
 * Okta's header mode may send it) before any resource runs; the token alone decides the
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
        String secret = presentedSecret(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<ScimCaller> caller = tokens.authenticate(secret);
        if (caller.isEmpty()) {
            request.abortWith(unauthorized("a valid SCIM bearer token is required"));
            return;
        }
        RateLimitDecision decision = rateLimiter.acquire(
                RateLimitScope.SCIM_TOKEN, caller.get().tokenId(), caller.get().workspaceId());
        if (!decision.allowed()) {
            // RFC 7644 has no 429 scimType; Entra and Okta back off on 429 with Retry-After (RFC 6585 §4).
            request.abortWith(Response.fromResponse(ScimErrors.response(
                            429,
                            null,
                            "too many requests for this SCIM" + " token; retry after " + decision.retryAfterSeconds()
                                    + " s"))
                    .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds())
                    .build());
            return;
        }
        context.authenticate(caller.get());
    }

    /**
     * The secret of an {@code Authorization} header: {@code Bearer <token>} (RFC 6750 section 2.1), or a Rollcall
     * SCIM token on its own ({@code rcs_...}), which is what Okta sends when an admin types only the token into an
     * "HTTP Header" field that does not add the scheme. Anything else presents no secret.
     *
     * @return the secret, or null
     */
    static String presentedSecret(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return value.substring(BEARER.length()).trim();
        }
        return value.startsWith(SecretTokens.SCIM_PREFIX) && value.indexOf(' ') < 0 ? value : null;
    }

    static Response unauthorized(String detail) {
        return Response.fromResponse(ScimErrors.response(401, null, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"")
                .build();
    }
}
