package io.rollcall.domain.shared;

/**
 * Base of the domain's error family. Each subtype is one kind of refusal that every protocol maps once (problem
 * details on the admin API, SCIM error bodies on SCIM). Messages are written for the client: they name what was wrong
 * with the request and never carry internal detail.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, machine-readable reason such as {@code last-owner} or {@code duplicate-name}. */
    public String code() {
        return code;
    }
}
