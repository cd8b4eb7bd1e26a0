package io.rollcall.application;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the request the current thread serves. Begun by the request-id servlet filter of
 * {@code infrastructure.logging} (and by the container-error filter of {@code app}) for every HTTP request (admin API,
 * SCIM, SSO, people pages), echoed in the {@code X-Request-Id} response header, in every error body, in audit events
 * and in every log line. An application-level type so that the entry points' error writers and the audit log read it
 * without reaching into infrastructure.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {}

    /** The current request's id, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    /** Adopts a caller-supplied id when it is safe to log, else makes a new one. */
    static String begin(String supplied) {
        String id = supplied != null && ACCEPTABLE.matcher(supplied).matches()
                ? supplied
                : UUID.randomUUID().toString();
        CURRENT.set(id);
        return id;
    }

    /**
     * Begins the request's id unless a filter that runs earlier already did (servlet filters declared by annotation
     * run in no defined order). Returns whether this call began it, in which case the caller must {@link #end()} it.
     */
    public static boolean beginIfAbsent(String supplied) {
        if (CURRENT.get() != null) {
            return false;
        }
        begin(supplied);
        return true;
    }

    /** Forgets the current thread's id; called by whoever {@link #beginIfAbsent began} it, when the request ends. */
    public static void end() {
        CURRENT.remove();
    }
}
