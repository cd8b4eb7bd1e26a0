package io.rollcall.people;

/**
 * The one answer of {@code POST /login/email} to every well-formed request that is not rate limited, whether or not
 * the address or workspace is known (no account enumeration). JSON: {@code 202 {"status":"accepted","message":...}}.
 */
public record EmailAnswer(String status, String message) {

    static final String MESSAGE = "If this address belongs to a member of the workspace who may sign in by e-mail, a"
            + " sign-in link is on its way. It works once, within 15 minutes.";

    static EmailAnswer accepted() {
        return new EmailAnswer("accepted", MESSAGE);
    }
}
