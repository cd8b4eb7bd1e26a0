package io.rollcall.infrastructure.metrics;

import java.util.List;

/**
 * Every Rollcall metric as Prometheus shows it at {@code /metrics}, with its labels. The dashboard in
 * {@code docker/grafana/rollcall-dashboard.json} may only query these names (a unit test checks it), and the README's
 * list is written from this one.
 *
 * <p>MicroProfile Metrics adds the suffixes: a counter {@code rollcall_x} is written {@code rollcall_x_total}, a timer
 * {@code rollcall_x} (seconds) {@code rollcall_x_seconds} with {@code _bucket}, {@code _count}, {@code _sum} and
 * {@code _max}.
 */
public final class MetricNames {

    /** Counter: every HTTP request, labels {@code route} (template), {@code method}, {@code status}. */
    public static final String HTTP_REQUESTS = "rollcall_http_requests_total";
    /** Timer (histogram, seconds): HTTP request latency, labels {@code route}, {@code method}. */
    public static final String HTTP_REQUEST_DURATION = "rollcall_http_request_duration_seconds";
    /** Counter: SCIM operations, labels {@code resource}, {@code operation}, {@code outcome}. */
    public static final String SCIM_OPERATIONS = "rollcall_scim_operations_total";
    /** Counter: SSO login attempts, labels {@code protocol}, {@code result} (success, refused), {@code reason}. */
    public static final String SSO_LOGINS = "rollcall_sso_logins_total";
    /** Counter: invite events, label {@code event} (issued, resent, accepted, revoked). */
    public static final String INVITES = "rollcall_invites_total";
    /** Counter: requests refused by a rate limit, label {@code scope}. */
    public static final String RATE_LIMIT_REFUSED = "rollcall_rate_limit_refused_total";

    /** Every name above, and the series a histogram adds, as Prometheus exports them. */
    public static final List<String> EXPORTED = List.of(HTTP_REQUESTS, HTTP_REQUEST_DURATION + "_bucket",
            HTTP_REQUEST_DURATION + "_count", HTTP_REQUEST_DURATION + "_sum", HTTP_REQUEST_DURATION + "_max",
            SCIM_OPERATIONS, SSO_LOGINS, INVITES, RATE_LIMIT_REFUSED);

    private MetricNames() {
    }
}
