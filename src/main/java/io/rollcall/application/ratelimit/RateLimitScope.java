package io.rollcall.application.ratelimit;

/**
 * What a bucket limits, and the default limit of each. Defaults are chosen so that real clients never meet them:
 * Entra ID and Okta provisioning send at most tens of SCIM requests per second per app; an embedding product may call
 * {@code /authz/check} on each of its own requests; a corporate NAT may carry many people's SSO logins at 9 a.m.
 */
public enum RateLimitScope {

    /** Per SCIM token ({@code ROLLCALL_RATE_LIMIT_SCIM_PER_SECOND}, {@code _BURST}). */
    SCIM_TOKEN("scim", 200, 1000),
    /** Per API token or session ({@code ROLLCALL_RATE_LIMIT_API_PER_SECOND}, {@code _BURST}). */
    API_TOKEN("api", 1000, 2000),
    /**
     * Per client IP address on the anonymous SSO endpoints: login, SAML ACS, OIDC callback
     * ({@code ROLLCALL_RATE_LIMIT_SSO_PER_SECOND}, {@code _BURST}).
     */
    SSO_CLIENT("sso", 20, 100);

    private final String id;
    private final int defaultPerSecond;
    private final int defaultBurst;

    RateLimitScope(String id, int defaultPerSecond, int defaultBurst) {
        this.id = id;
        this.defaultPerSecond = defaultPerSecond;
        this.defaultBurst = defaultBurst;
    }

    /** Short stable name, used in settings, metrics tags and audit summaries. */
    public String id() {
        return id;
    }

    RateLimit defaultLimit() {
        return new RateLimit(defaultPerSecond, defaultBurst);
    }
}
