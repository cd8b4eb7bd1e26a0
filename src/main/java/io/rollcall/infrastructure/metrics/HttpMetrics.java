package io.rollcall.infrastructure.metrics;

import io.rollcall.application.HttpRequestMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts and times every HTTP request in the application registry: {@code rollcall_http_requests_total{route, method,
 * status}}, the histogram {@code rollcall_http_request_duration_seconds{route, method}} (buckets from
 * {@code mp.metrics.distribution.timer.buckets}), and for SCIM endpoints {@code rollcall_scim_operations_total{resource,
 * operation, outcome}} ({@link ScimOperation}). Label values are bounded: routes are templates (never ids), methods
 * outside the standard ones count as {@code OTHER}. Never throws into the request.
 */
@ApplicationScoped
public class HttpMetrics implements HttpRequestMetrics {

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    private static final Metadata REQUESTS = Metadata.builder()
            .withName(MetricNames.HTTP_REQUESTS)
            .withDescription("HTTP requests by route template, method and status")
            .build();
    private static final Metadata DURATION = Metadata.builder()
            .withName(MetricNames.HTTP_REQUEST_DURATION)
            .withDescription("HTTP request latency by route template and method, from the first filter to the last"
                    + " byte handed to the container")
            .withUnit(MetricUnits.SECONDS)
            .build();
    private static final Metadata SCIM = Metadata.builder()
            .withName(MetricNames.SCIM_OPERATIONS)
            .withDescription("SCIM operations by resource, operation and outcome")
            .build();

    private final MetricRegistry registry;

    @Inject
    public HttpMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For CDI proxies only. */
    protected HttpMetrics() {
        this(null);
    }

    /**
     * One finished request.
     *
     * @param route the route template, e.g. {@code /api/v1/workspaces/{ws}/members/{id}}, or a bucket such as
     *        {@code unmatched}
     * @param method the HTTP method as received
     * @param status the response status
     * @param elapsed time from the request's arrival at the first filter to its completion
     */
    @Override
    public void request(String route, String method, int status, Duration elapsed) {
        String m = method == null ? "OTHER" : method.toUpperCase(Locale.ROOT);
        m = METHODS.contains(m) ? m : "OTHER";
        Tag routeTag = new Tag("route", route);
        Tag methodTag = new Tag("method", m);
        registry.counter(REQUESTS, routeTag, methodTag, new Tag("status", Integer.toString(status)))
                .inc();
        registry.timer(DURATION, routeTag, methodTag).update(elapsed);
        ScimOperation.of(route, m, status).ifPresent(op -> registry.counter(
                        SCIM,
                        new Tag("resource", op.resource()),
                        new Tag("operation", op.operation()),
                        new Tag("outcome", op.outcome()))
                .inc());
    }
}
