package io.rollcall.infrastructure.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Every metric Rollcall registers, by the name it is registered under, and {@link #exported()}: the series names
 * Prometheus reads at {@code /metrics}. MicroProfile Metrics adds the suffixes: a counter {@code rollcall_x} is
 * written {@code rollcall_x_total}; a timer {@code rollcall_x} (seconds) {@code rollcall_x_seconds_bucket},
 * {@code _count} and {@code _sum}. The dashboard ({@code docker/grafana/rollcall-dashboard.json}) may only
 * query exported names (a unit test checks it), and an integration test checks that the server exports all of them.
 */
public final class MetricNames {

    /** Counter, labels {@code route} (template), {@code method}, {@code status}. */
    public static final String HTTP_REQUESTS = "rollcall_http_requests";
    /** Timer (histogram in seconds), labels {@code route}, {@code method}. */
    public static final String HTTP_REQUEST_DURATION = "rollcall_http_request_duration";
    /** Counter, labels {@code resource}, {@code operation}, {@code outcome}. */
    public static final String SCIM_OPERATIONS = "rollcall_scim_operations";
    /** Counter, labels {@code protocol}, {@code result} ({@code success}, {@code refused}), {@code reason}. */
    public static final String SSO_LOGINS = "rollcall_sso_logins";
    /** Counter, label {@code event} ({@code issued}, {@code resent}, {@code accepted}, {@code revoked}). */
    public static final String INVITES = "rollcall_invites";
    /** Counter, label {@code scope}. */
    public static final String RATE_LIMIT_REFUSED = "rollcall_rate_limit_refused";

    static final List<String> COUNTERS =
            List.of(HTTP_REQUESTS, SCIM_OPERATIONS, SSO_LOGINS, INVITES, RATE_LIMIT_REFUSED);
    static final List<String> TIMERS = List.of(HTTP_REQUEST_DURATION);

    private MetricNames() {}

    /** The series names as exported in Prometheus text, e.g. {@code rollcall_http_requests_total}. */
    public static List<String> exported() {
        List<String> names = new ArrayList<>();
        COUNTERS.forEach(name -> names.add(name + "_total"));
        for (String timer : TIMERS) {
            // Payara 6 also writes _max and _mean gauges, but in nanoseconds despite the name: not promised here.
            for (String suffix : List.of("_bucket", "_count", "_sum")) {
                names.add(timer + "_seconds" + suffix);
            }
        }
        return List.copyOf(names);
    }
}
