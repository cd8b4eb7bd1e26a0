package io.rollcall.application;

/**
 * What Rollcall counts about its own work, for operators' dashboards and alerts. Use cases call it after the fact;
 * an implementation must never throw and never block (it only increments in-memory counters). Values passed are
 * bounded sets (protocol names, refusal codes), never user input, so label cardinality stays small.
 *
 * <p>Exposed at {@code /metrics} (Prometheus text) by {@code infrastructure.metrics.MicroProfileUsageMetrics} as:
 * <ul>
 * <li>{@code rollcall_sso_logins_total{protocol="SAML|OIDC|unknown", result="success|refused",
 * reason="none|<refusal code>"}}</li>
 * <li>{@code rollcall_invites_total{event="issued|resent|accepted|revoked"}}</li>
 * <li>{@code rollcall_rate_limit_refused_total{scope="scim|api|sso|signin-address|signin-ip"}}</li>
 * </ul>
 */
public interface UsageMetrics {

    /** What happened to an invite. */
    enum InviteEvent {
        ISSUED,
        RESENT,
        ACCEPTED,
        REVOKED
    }

    /**
     * One finished SSO login attempt.
     *
     * @param protocol {@code SAML} or {@code OIDC}; null or anything else counts as {@code unknown}
     * @param refusalCode null for a successful login, else the refusal's stable code (e.g. {@code not-invited})
     */
    void ssoLogin(String protocol, String refusalCode);

    /** One invite event. */
    void invite(InviteEvent event);

    /** One request refused by a rate limit (HTTP 429); {@code scope} names the limit, e.g. {@code scim}. */
    void rateLimitRefused(String scope);
}
