package io.rollcall.application.sso;

import java.util.Objects;

/**
 * A login that cannot complete, told to the person: an HTTP status (always 4xx, or 502 when the IdP is unreachable), a
 * stable reason code (also written to the audit log) and a message that is safe to show.
 */
public class SsoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public SsoFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static SsoFailure noConnection() {
        return new SsoFailure(404, "no-connection", "single sign-on is not set up for this workspace");
    }

    static SsoFailure loginStateMissing() {
        return new SsoFailure(400, "login-state-missing", "this login was not started in this browser, was already"
                + " used or took too long; start again");
    }
}
