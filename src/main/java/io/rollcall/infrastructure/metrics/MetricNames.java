package io.rollcall.infrastructure.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Every metric Rollcall registers, by the name it is registered under, and {@link #exported()}: the series names
 * Prometheus reads at {@code /metrics}. MicroProfile Metrics adds the suffixes: a counter {@code rollcall_x} is
 * written {@code rollcall_x_total}; a timer {@code rollcall_x} (seconds) {@code rollcall_x_seconds_bucket},
 * {@code _count} and {@code _sum}; a gauge keeps its name. The dashboard ({@code docker/grafana/rollcall-dashboard.json}) may only
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
    /** Gauge, label {@code state} ({@code active}: handed out now, {@code idle}: open and free in the pool). */
    public static final String DB_POOL_CONNECTIONS = "rollcall_db_pool_connections";
    /** Gauge, no labels: the pool's maximum size. */
    public static final String DB_POOL_CONNECTIONS_MAX = "rollcall_db_pool_connections_max";
    /** Gauge, no labels: threads waiting now for a connection from the pool. */
    public static final String DB_POOL_WAITING = "rollcall_db_pool_waiting";
    /** Timer (histogram in seconds), no labels: time each request for a connection spent in the pool. */
    public static final String DB_POOL_WAIT = "rollcall_db_pool_wait";
    /** Counter, no labels: requests for a connection that gave up after the pool's maximum wait. */
    public static final String DB_POOL_WAIT_TIMEOUTS = "rollcall_db_pool_wait_timeouts";

    static final List<String> COUNTERS =
            List.of(HTTP_REQUESTS, SCIM_OPERATIONS, SSO_LOGINS, INVITES, RATE_LIMIT_REFUSED, DB_POOL_WAIT_TIMEOUTS);
    static final List<String> TIMERS = List.of(HTTP_REQUEST_DURATION, DB_POOL_WAIT);
    static final List<String> GAUGES = List.of(DB_POOL_CONNECTIONS, DB_POOL_CONNECTIONS_MAX, DB_POOL_WAITING);

    private MetricNames() {}

    /** The series names as exported in Prometheus text, e.g. {@code rollcall_http_requests_total}. */
    public static List<String> exported() {
        List<String> names = new ArrayList<>(GAUGES);
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
