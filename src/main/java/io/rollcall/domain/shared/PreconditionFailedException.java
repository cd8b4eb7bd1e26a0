package io.rollcall.domain.shared;

/** The client's version of the resource (ETag / If-Match) is no longer the current one. */
public class PreconditionFailedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super("precondition-failed", message);
    }
}
