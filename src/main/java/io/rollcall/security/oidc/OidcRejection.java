package io.rollcall.security.oidc;

import java.util.Objects;

/**
 * A login refused because of what the browser or the IdP sent (the person sees a 401/403-style page and the reason is
 * audited). Distinct from {@link OidcProviderException}, which means the provider could not be used at all. The message
 * never contains the token itself.
 */
public class OidcRejection extends Exception {

    private static final long serialVersionUID = 1L;

    /** Machine-readable reason, stable for audit events and tests. */
    public enum Reason {
        MALFORMED,
        ALG_NOT_ALLOWED,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        WRONG_AZP,
        EXPIRED,
        NOT_YET_VALID,
        ISSUED_IN_FUTURE,
        NONCE_MISMATCH,
        STATE_MISMATCH,
        MISSING_CLAIM,
        /** The JOSE header {@code typ} is neither {@code JWT} nor absent (e.g. {@code at+jwt}, an access token). */
        WRONG_TYPE,
        /**
         * Nimbus's {@code IDTokenValidator} refused the claims of a correctly signed token although none of our own
         * claim checks names a reason (e.g. {@code exp} passed by the system clock but not by ours).
         */
        CLAIMS_REJECTED,
        /** The IdP answered the authorization request with an {@code error} (e.g. {@code access_denied}). */
        IDP_ERROR,
        /** The token endpoint refused the code ({@code invalid_grant} etc.). */
        CODE_REJECTED
    }

    private final Reason reason;

    public OidcRejection(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public OidcRejection(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
