package io.rollcall.domain.shared;

/** The caller is known and may see the resource, but lacks the permission for this action. */
public class ForbiddenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
