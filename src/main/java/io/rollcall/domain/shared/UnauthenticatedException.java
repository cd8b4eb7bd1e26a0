package io.rollcall.domain.shared;

/** No valid credential came with the request. */
public class UnauthenticatedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(String message) {
        super("unauthenticated", message);
    }
}
