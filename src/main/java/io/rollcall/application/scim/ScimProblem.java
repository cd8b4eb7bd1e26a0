package io.rollcall.application.scim;

/**
 * A refusal in SCIM terms (RFC 7644 section 3.12): an HTTP status and, where the RFC defines one, a {@code scimType}.
 * The detail is written for the client; it never carries internal state.
 */
public class ScimProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String INVALID_FILTER = "invalidFilter";
    public static final String TOO_MANY = "tooMany";
    public static final String UNIQUENESS = "uniqueness";
    public static final String MUTABILITY = "mutability";
    public static final String INVALID_SYNTAX = "invalidSyntax";
    public static final String INVALID_PATH = "invalidPath";
    public static final String NO_TARGET = "noTarget";
    public static final String INVALID_VALUE = "invalidValue";

    private final int status;
    private final String scimType;

    public ScimProblem(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimProblem badRequest(String scimType, String detail) {
        return new ScimProblem(400, scimType, detail);
    }

    public int status() {
        return status;
    }

    /** Null when the RFC defines none for this status. */
    public String scimType() {
        return scimType;
    }
}
