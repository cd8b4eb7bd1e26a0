package io.rollcall.infrastructure.logging;

import io.rollcall.application.RequestIds;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the request id into every log line written while a request is served, whoever logs it (Rollcall, SCIMple,
 * EclipseLink, Payara). Java logging has no MDC, so a filter on the root handlers prefixes the message instead; the
 * handlers' own filters keep working, and everything is put back when the application stops.
 */
@WebListener
public class RequestIdLogging implements ServletContextListener {

    private final Map<Handler, Filter> replaced = new IdentityHashMap<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Filter previous = handler.getFilter();
            replaced.put(handler, previous);
            handler.setFilter(new Prefixing(previous));
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        replaced.forEach(Handler::setFilter);
        replaced.clear();
    }

    /** Adds {@code [requestId=…]} once, then defers to the handler's original filter. */
    static final class Prefixing implements Filter {

        private final Filter previous;

        Prefixing(Filter previous) {
            this.previous = previous;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            String id = RequestIds.current();
            String message = record.getMessage();
            if (id != null && message != null && !message.startsWith("[requestId=")) {
                record.setMessage("[requestId=" + id + "] " + message);
            }
            return previous == null || previous.isLoggable(record);
        }
    }
}
