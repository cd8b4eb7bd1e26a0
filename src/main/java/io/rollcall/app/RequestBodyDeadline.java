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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every request body before any protocol sees it, with servlet async I/O (a {@link ReadListener}), a deadline
 * for the whole body and a size limit. While the bytes trickle in no worker thread waits for them, so slow or stalled
 * uploads (one byte every few seconds, on as many connections as a client likes) cannot starve the thread pool that
 * serves {@code /health/ready} and SCIM. The complete body is then handed to the resources through an
 * {@code ASYNC} dispatch, as an in-memory stream, and its answer closes the connection ({@link Collector}).
 *
 * <p>Answers, in the protocol's format ({@link ContainerErrors#refuse}), with the connection closed: 413 {@code payload-too-large}
 * when the declared or received body exceeds {@code maxBytes}; 408 {@code request-timeout} when the body is not
 * complete within {@code timeoutMillis} of the request's start (enforced by this filter, not by the container's async
 * timeout); 503 {@code service-unavailable} if Payara loses the dispatch of a body that did arrive (see
 * {@link Collector}). Requests without a body, and requests whose whole
 * body (by {@code Content-Length}) is already in the connector's buffer when they arrive here, pass straight through:
 * reading it cannot block a worker thread.
 */
public class RequestBodyDeadline extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestBodyDeadline.class.getName());
    static final String BODY_ATTRIBUTE = RequestBodyDeadline.class.getName() + ".body";
    /**
     * Time, after the request's own dispatch left this filter, before a body completed by a read callback is
     * dispatched: 50 ms, so that the container has finished that dispatch ({@link Collector}).
     */
    static final long DISPATCH_GUARD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Deadlines of bodies being read, and delayed dispatches: one daemon thread, cancelled tasks removed at once. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "rollcall-request-body-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

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
            Object collected = request.getAttribute(BODY_ATTRIBUTE);
            if (collected instanceof Collector collector) {
                request.removeAttribute(BODY_ATTRIBUTE);
                byte[] bytes = collector.dispatchStarted();
                if (bytes == null) {
                    return; // the deadline passed first and answered 503
                }
                // Payara 6 may take the next request on this keep-alive connection before it has finished this
                // async cycle (the next request's startAsync then fails): a body that did not come with its
                // head is answered on a connection that closes afterwards. The client reconnects; slow senders
                // pay for it, not the common case.
                response.setHeader("Connection", "close");
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
        if (!chunked && request.getInputStream().available() >= declared) {
            // The whole body came with the headers and is in the connector's buffer: reading it cannot block, so
            // there is nothing to wait for and no reason for an async cycle (most API and SCIM requests).
            chain.doFilter(request, response);
            return;
        }
        AsyncContext async = request.startAsync();
        // The deadline is ours, not the container's: Payara's async timeout also fired while a dispatched request was
        // being processed (a body completed just before it), and its HTML error page was written beside the answer.
        async.setTimeout(0);
        Collector collector =
                new Collector(async, request, response, request.getInputStream(), declared > 0 ? (int) declared : 8192);
        async.addListener(collector);
        collector.deadline = DEADLINES.schedule(collector::deadlinePassed, timeoutMillis, TimeUnit.MILLISECONDS);
        request.getInputStream().setReadListener(collector);
        byte[] arrivedMeanwhile = collector.leaveRequestDispatch();
        if (arrivedMeanwhile != null) {
            // The rest of the body arrived while the listener was being registered, so onAllDataRead ran on this
            // thread, inside the request's own dispatch. An async dispatch started from there raced with this
            // dispatch's return in Payara: under load the answer's body was written twice on the keep-alive
            // connection (RateLimitsIT, the 429 framing test). Serve the request here instead, then complete.
            try {
                chain.doFilter(new BufferedBodyRequest(request, arrivedMeanwhile), response);
            } finally {
                async.complete();
            }
        }
    }

    private String tooLarge() {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    /**
     * Collects one body; exactly one of dispatch, 408, 413 or abort happens ({@link #finished}).
     *
     * <p>Two races in Payara 6's {@code AsyncContextImpl} shape this class. A dispatch (or complete) requested while
     * the request's own dispatch is still on its way out is deferred with an unguarded check-then-act: a dispatch
     * requested from a read callback in that window can be lost (the request then hangs until the async timeout and
     * the container answers an HTML 500), and a deferred dispatch that finishes before that thread is back in Grizzly
     * had its answer written twice on the keep-alive connection; and the next request on the connection may arrive
     * while an async cycle is still being completed. So a body completed during the request's own dispatch is served
     * by that dispatch ({@link #leaveRequestDispatch}); a body completed later waits until {@link
     * #DISPATCH_GUARD_NANOS} after it before being dispatched, and its answer closes the connection; and a dispatch
     * that never started still gets an answer in the protocol's format (503) when the deadline passes. The container's
     * async timeout is off: it also fired while a dispatched request was being served and wrote an HTML 500 beside
     * the answer; {@link #deadlinePassed} enforces the deadline instead and leaves a request being served alone.
     */
    private final class Collector implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final ServletInputStream input;
        private final ByteArrayOutputStream body;
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean finished = new AtomicBoolean();
        /** True until the request's own dispatch has registered this listener and is about to return. */
        private boolean insideRequestDispatch = true;
        /** A body completed while {@link #insideRequestDispatch}; that dispatch serves it. */
        private byte[] completedInside;
        /** When the request's own dispatch left this filter ({@link System#nanoTime()}). */
        private long leftAtNanos;
        /** The body handed to the async dispatch; null until {@link #onAllDataRead}. */
        private volatile byte[] completed;

        private final AtomicBoolean started = new AtomicBoolean();
        /** The body's deadline ({@link #deadlinePassed}), cancelled when the async cycle completes. */
        private volatile ScheduledFuture<?> deadline;

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
                byte[] complete = body.toByteArray();
                long wait;
                synchronized (this) {
                    if (insideRequestDispatch) {
                        completedInside = complete;
                        return;
                    }
                    wait = leftAtNanos + DISPATCH_GUARD_NANOS - System.nanoTime();
                }
                completed = complete;
                request.setAttribute(BODY_ATTRIBUTE, this);
                if (wait > 0) {
                    DEADLINES.schedule(this::dispatch, wait, TimeUnit.NANOSECONDS);
                } else {
                    dispatch();
                }
            }
        }

        private void dispatch() {
            try {
                async.dispatch();
            } catch (IllegalStateException e) {
                // The async cycle ended meanwhile (the client went away and the container completed it).
                LOG.log(Level.FINE, "request body read ahead, but the request is gone", e);
            }
        }

        /** The async dispatch began: returns the body and marks the request as served. */
        byte[] dispatchStarted() {
            return started.compareAndSet(false, true) ? completed : null;
        }

        /**
         * Marks the request's own dispatch as returning.
         *
         * @return the whole body if it was completed meanwhile (the caller must serve it), else null
         */
        synchronized byte[] leaveRequestDispatch() {
            insideRequestDispatch = false;
            leftAtNanos = System.nanoTime();
            return completedInside;
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
        public void onTimeout(AsyncEvent event) {
            // Never fires: the async timeout is off and deadlinePassed enforces the deadline.
        }

        /**
         * The body's deadline: 408 if the body is still arriving. A body that did arrive is being (or is about to be)
         * served; if its dispatch has still not started one more {@code timeoutMillis} later, Payara lost it, and it
         * is answered 503 ({@link #dispatchOverdue}).
         */
        void deadlinePassed() {
            if (!finished.get()) {
                try {
                    refuse(
                            408,
                            "request-timeout",
                            "the request body did not arrive within " + timeoutMillis / 1000 + " seconds");
                } catch (IOException | RuntimeException e) {
                    // The client went away or the request completed meanwhile: nobody to answer.
                    LOG.log(Level.FINE, "request body deadline passed on a finished request", e);
                }
            } else if (completed != null && !started.get()) {
                deadline = DEADLINES.schedule(this::dispatchOverdue, timeoutMillis, TimeUnit.MILLISECONDS);
            }
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

        private void dispatchOverdue() {
            if (completed == null || !started.compareAndSet(false, true)) {
                return;
            }
            LOG.warning("an async dispatch requested by the request body reader never started; answered 503");
            try {
                ContainerErrors.refuse(
                        request, response, 503, "service-unavailable", "the request could not be processed; retry it");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not answer a request whose dispatch was lost", e);
            } finally {
                async.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            ScheduledFuture<?> pending = deadline;
            if (pending != null) {
                pending.cancel(false);
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
