package io.rollcall.app;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every request body before any protocol sees it, with servlet async I/O (a {@link ReadListener}), a deadline
 * for the whole body and a size limit. While the bytes trickle in no worker thread waits for them, so slow or stalled
 * uploads (one byte every few seconds, on as many connections as a client likes) cannot starve the thread pool that
 * serves {@code /health/ready} and SCIM. The complete body is then handed to the resources through an
 * {@code ASYNC} dispatch, as an in-memory stream.
 *
 * <p>Answers, in the protocol's format ({@link ContainerErrors#refuse}), with the connection closed: 413 {@code payload-too-large}
 * when the declared or received body exceeds {@code maxBytes}; 408 {@code request-timeout} when the body is not
 * complete within {@code timeoutMillis} of the request's start. Requests without a body pass straight through.
 */
public class RequestBodyDeadline extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestBodyDeadline.class.getName());
    static final String BODY_ATTRIBUTE = RequestBodyDeadline.class.getName() + ".body";

    private final long maxBytes;
    private final long timeoutMillis;

    /**
     * @param maxBytes largest body accepted, in bytes
     * @param timeoutMillis time allowed for the whole body to arrive, in milliseconds
     */
    public RequestBodyDeadline(long maxBytes, long timeoutMillis) {
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object body = request.getAttribute(BODY_ATTRIBUTE);
            if (body instanceof byte[] bytes) {
                request.removeAttribute(BODY_ATTRIBUTE);
                // Weld ties the CDI request context to the original dispatch only: activate one for this one.
                RequestContextController requestContext =
                        CDI.current().select(RequestContextController.class).get();
                boolean activated = requestContext.activate();
                try {
                    chain.doFilter(new BufferedBodyRequest(request, bytes), response);
                } finally {
                    if (activated) {
                        requestContext.deactivate();
                    }
                }
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        long declared = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        if (declared > maxBytes) {
            ContainerErrors.refuse(request, response, 413, "payload-too-large", tooLarge());
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeoutMillis);
        Collector collector =
                new Collector(async, request, response, request.getInputStream(), declared > 0 ? (int) declared : 8192);
        async.addListener(collector);
        request.getInputStream().setReadListener(collector);
    }

    private String tooLarge() {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    /** Collects one body; exactly one of dispatch, 408, 413 or abort happens ({@link #finished}). */
    private final class Collector implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final ServletInputStream input;
        private final ByteArrayOutputStream body;
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean finished = new AtomicBoolean();

        Collector(
                AsyncContext async,
                HttpServletRequest request,
                HttpServletResponse response,
                ServletInputStream input,
                int expected) {
            this.async = async;
            this.request = request;
            this.response = response;
            this.input = input;
            this.body = new ByteArrayOutputStream(Math.min(expected, 65536));
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (input.isReady() && !finished.get()) {
                int n = input.read(buffer);
                if (n < 0) {
                    return;
                }
                if (body.size() + (long) n > maxBytes) {
                    refuse(413, "payload-too-large", tooLarge());
                    return;
                }
                body.write(buffer, 0, n);
            }
        }

        @Override
        public void onAllDataRead() {
            if (finished.compareAndSet(false, true)) {
                request.setAttribute(BODY_ATTRIBUTE, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The client went away or the connection broke: nobody to answer.
            LOG.log(Level.FINE, "request body read failed", failure);
            if (finished.compareAndSet(false, true)) {
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            refuse(
                    408,
                    "request-timeout",
                    "the request body did not arrive within " + timeoutMillis / 1000 + " seconds");
        }

        private void refuse(int status, String code, String message) throws IOException {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                ContainerErrors.refuse(request, response, status, code, message);
            } finally {
                async.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
