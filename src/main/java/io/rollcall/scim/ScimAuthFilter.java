package io.rollcall.scim;

import io.rollcall.application.scim.VerifiedScimTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Authenticates every SCIM request by its bearer SCIM token before any resource runs; the token alone decides the
 * workspace. Missing, unknown, revoked or expired tokens get the same 401 so that nothing is revealed about tokens.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ScimAuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    private final VerifiedScimTokens tokens;
    private final ScimContext context;

    @Inject
    public ScimAuthFilter(VerifiedScimTokens tokens, ScimContext context) {
        this.tokens = tokens;
        this.context = context;
    }

    /** For CDI proxies only. */
    protected ScimAuthFilter() {
        this(null, null);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        tokens.authenticate(secret).ifPresentOrElse(context::authenticate,
                () -> request.abortWith(unauthorized("a valid SCIM bearer token is required")));
    }

    static Response unauthorized(String detail) {
        return Response.fromResponse(ScimErrors.response(401, null, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"").build();
    }
}
