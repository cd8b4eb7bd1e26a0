package io.rollcall.security.saml;

import java.util.Objects;

/**
 * A SAML response refused; {@link #reason()} is the stable code for audit events and tests, the message is safe to
 * show a person (it never contains the assertion). Not a server error: the caller answers 401/403.
 */
public class SamlRejection extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a response was refused. */
    public enum Reason {
        MALFORMED,
        DTD_FORBIDDEN,
        STATUS_NOT_SUCCESS,
        ENCRYPTED_UNSUPPORTED,
        NOT_SIGNED,
        WEAK_ALGORITHM,
        BAD_SIGNATURE,
        UNTRUSTED_KEY,
        SIGNATURE_WRAPPING,
        NO_ASSERTION,
        MULTIPLE_ASSERTIONS,
        WRONG_ISSUER,
        WRONG_DESTINATION,
        WRONG_RECIPIENT,
        WRONG_AUDIENCE,
        NOT_YET_VALID,
        EXPIRED,
        UNKNOWN_IN_RESPONSE_TO,
        NO_SUBJECT,
        REPLAYED
    }

    private final Reason reason;

    public SamlRejection(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public SamlRejection(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
