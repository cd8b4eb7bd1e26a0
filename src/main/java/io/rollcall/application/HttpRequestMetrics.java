package io.rollcall.application;

import java.time.Duration;

/**
 * Port for the per-request HTTP figures the HTTP edge records once a request is complete (implemented on
 * MicroProfile Metrics in {@code infrastructure.metrics}).
 */
public interface HttpRequestMetrics {

    /**
     * Counts one finished request and records its latency.
     *
     * @param route   the route template ({@code /api/v1/workspaces/{ws}/members/{id}}), {@code unmatched} or
     *                {@code static}; never a raw path
     * @param method  the HTTP method as received; anything outside the standard methods is counted as {@code OTHER}
     * @param status  the HTTP status sent
     * @param elapsed time from the first filter to the last byte handed to the container
     */
    void request(String route, String method, int status, Duration elapsed);
}
