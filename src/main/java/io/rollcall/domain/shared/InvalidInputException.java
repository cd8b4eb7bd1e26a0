package io.rollcall.domain.shared;

/** A value in the request is missing, malformed or not allowed; {@link #field()} names it where one is to blame. */
public class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super("invalid-input", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
