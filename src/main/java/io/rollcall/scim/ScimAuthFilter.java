package io.rollcall.scim;

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

/**
 * Authenticates every SCIM request by its SCIM token ({@code Authorization: Bearer rcs_...}, or the bare token as
 * Okta's header mode may send it) before any resource runs; the token alone decides the
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
        String secret = presentedSecret(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        tokens.authenticate(secret).ifPresentOrElse(context::authenticate,
                () -> request.abortWith(unauthorized("a valid SCIM bearer token is required")));
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
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"").build();
    }
}
