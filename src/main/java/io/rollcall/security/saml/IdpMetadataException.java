package io.rollcall.security.saml;

import java.util.Objects;

/** IdP metadata that cannot be used; the message is safe to show the owner who uploaded it. */
public class IdpMetadataException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the metadata. */
    public enum Problem {
        MALFORMED,
        DTD_FORBIDDEN,
        NO_IDP_DESCRIPTOR,
        AMBIGUOUS_ENTITY,
        NO_SSO_ENDPOINT,
        NO_SIGNING_CERTIFICATE,
        BAD_CERTIFICATE
    }

    private final Problem problem;

    public IdpMetadataException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem);
    }

    public IdpMetadataException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem);
    }

    public Problem problem() {
        return problem;
    }
}
