package io.rollcall.app;

import io.rollcall.application.HttpRequestMetrics;
import io.rollcall.application.RequestIds;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Observes every HTTP request once it is complete: one access-log line and the HTTP metrics ({@link HttpRequestMetrics}).
 * The line, at INFO on the logger {@code io.rollcall.access}, is
 *
 * <pre>[requestId=…] access method=GET route=/api/v1/workspaces/{ws}/members/{id} status=404 durationMs=3 caller=api-token</pre>
 *
 * <p>The route is the template recorded by {@link MatchedRoute}, never the raw path: no ids, no query string (which
 * may carry a token, as in {@code /invite/{token}}), no header or cookie value. Requests that matched no resource are
 * bucketed ({@link #bucket(String)}). A request whose body is read asynchronously ({@link RequestBodyDeadline})
 * completes after this filter returns, so it is observed when its async cycle completes.
 */
final class RequestObserver extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String LOGGER = "io.rollcall.access";
    private static final Logger ACCESS = Logger.getLogger(LOGGER);
    private static final Logger LOG = Logger.getLogger(RequestObserver.class.getName());
    /** Paths outside JAX-RS that are routes of their own; everything else unmatched is a static file or unknown. */
    private static final Set<String> FIXED =
            Set.of("/", "/index.html", "/health", "/health/live", "/health/ready", "/metrics", "/openapi");

    private final transient HttpRequestMetrics metrics;

    RequestObserver(HttpRequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String requestId = RequestIds.current();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(request, response, start, requestId));
            } else {
                observe(request, response, start, requestId, failed);
            }
        }
    }

    private void observe(
            HttpServletRequest request, HttpServletResponse response, long start, String requestId, boolean failed) {
        try {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            // An exception escaping the chain becomes the container's 500 after this filter.
            int status = failed ? 500 : response.getStatus();
            Object matched = request.getAttribute(MatchedRoute.ATTRIBUTE);
            String route = matched instanceof String template ? template : bucket(request.getRequestURI());
            metrics.request(route, request.getMethod(), status, elapsed);
            if (ACCESS.isLoggable(Level.INFO)) {
                ACCESS.info("[requestId=" + requestId + "] access method=" + safeMethod(request.getMethod())
                        + " route=" + route + " status=" + status + " durationMs=" + elapsed.toMillis() + " caller="
                        + CallerKind.of(request.getHeader("Authorization"), request.getHeader("Cookie"))
                                .label());
            }
        } catch (RuntimeException e) {
            // Observing must never break the request it observes.
            LOG.log(Level.WARNING, "could not observe a request", e);
        }
    }

    /**
     * The route of a request no JAX-RS resource matched: the path itself for the few fixed ones, {@code static} for
     * the console's files, else {@code unmatched} (so that scanners' random paths cannot grow the label set).
     */
    static String bucket(String requestUri) {
        String path = requestUri == null ? "" : requestUri;
        if (FIXED.contains(path)) {
            return path;
        }
        if (path.startsWith("/console/") && path.matches("/console/[A-Za-z0-9_-]+\\.(js|css|html|png|svg|ico)")) {
            return "static";
        }
        return "unmatched";
    }

    private static String safeMethod(String method) {
        return method != null && method.matches("[A-Z]{1,10}") ? method : "OTHER";
    }

    /** Observes an asynchronously completed request (its body was read ahead). */
    private final class Completion implements AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final long start;
        private final String requestId;

        Completion(HttpServletRequest request, HttpServletResponse response, long start, String requestId) {
            this.request = request;
            this.response = response;
            this.start = start;
            this.requestId = requestId;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            observe(request, response, start, requestId, false);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
