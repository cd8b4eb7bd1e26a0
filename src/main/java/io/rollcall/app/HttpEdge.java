package io.rollcall.app;

import io.rollcall.application.HttpRequestMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Installs, for every path and after the annotated filters (so the request id is set first), {@link RequestObserver}
 * (access log and HTTP metrics, around everything else) and then {@link RequestBodyDeadline}, with its settings:
 * <ul>
 * <li>{@code ROLLCALL_HTTP_BODY_TIMEOUT_SECONDS} (default 30): time for a whole request body to arrive;</li>
 * <li>{@code ROLLCALL_HTTP_MAX_BODY_BYTES} (default 2 MiB): largest request body on any endpoint (protocols may set
 * lower limits of their own, e.g. SCIM's 1 MiB).</li>
 * </ul>
 */
@WebListener
public class HttpEdge implements ServletContextListener {

    static final long DEFAULT_TIMEOUT_SECONDS = 30;
    static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        long timeoutSeconds = positive(config, "rollcall.http.body.timeout.seconds", DEFAULT_TIMEOUT_SECONDS);
        long maxBytes = positive(config, "rollcall.http.max.body.bytes", DEFAULT_MAX_BODY_BYTES);
        FilterRegistration.Dynamic observer = event.getServletContext()
                .addFilter(
                        "requestObserver",
                        new RequestObserver(
                                CDI.current().select(HttpRequestMetrics.class).get()));
        observer.setAsyncSupported(true);
        // REQUEST only: an asynchronously completed request is observed by its async listener, once.
        observer.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        FilterRegistration.Dynamic registration = event.getServletContext()
                .addFilter("requestBodyDeadline", new RequestBodyDeadline(maxBytes, timeoutSeconds * 1000));
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), true, "/*");
    }

    private static long positive(Config config, String name, long fallback) {
        long value = config.getOptionalValue(name, Long.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalStateException(name.toUpperCase(java.util.Locale.ROOT)
                            .replace('.', '_') + " must be a positive number, got: " + value);
        }
        return value;
    }
}
