package io.rollcall.domain.mapping;

/** A claim rule that cannot be used: blank claim name or value, a pattern that does not compile or is too long. */
public class InvalidClaimRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidClaimRuleException(String message) {
        super(message);
    }

    public InvalidClaimRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
