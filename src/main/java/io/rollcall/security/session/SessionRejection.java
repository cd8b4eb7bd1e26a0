package io.rollcall.security.session;

import java.util.Objects;

/** A presented session JWT that is not acceptable. The caller answers every reason with the same 401. */
public class SessionRejection extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, for logs and tests only (never told to the client). */
    public enum Reason {
        MALFORMED,
        ALG_NOT_ALLOWED,
        WRONG_TYPE,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        EXPIRED,
        ISSUED_IN_FUTURE,
        MISSING_CLAIM
    }

    private final Reason reason;

    public SessionRejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
