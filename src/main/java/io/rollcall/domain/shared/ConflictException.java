package io.rollcall.domain.shared;

/** The request is well formed but conflicts with the current state (duplicate name, last owner, type change...). */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
