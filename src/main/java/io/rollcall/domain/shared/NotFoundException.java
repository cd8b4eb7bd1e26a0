package io.rollcall.domain.shared;

/** The resource does not exist, or exists where the caller may not see it (isolation never says which). */
public class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, String id) {
        super("not-found", kind + " '" + id + "' was not found");
    }
}
