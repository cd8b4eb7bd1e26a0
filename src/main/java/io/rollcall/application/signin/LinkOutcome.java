package io.rollcall.application.signin;

/**
 * What following a link led to: signed in, or refused with the reason the page explains. A result rather than an
 * exception, so that the audit event of a refusal commits.
 */
public record LinkOutcome(SignedIn signedIn, LinkState refused) {

    public static LinkOutcome signedIn(SignedIn signedIn) {
        return new LinkOutcome(signedIn, null);
    }

    public static LinkOutcome refused(LinkState state) {
        return new LinkOutcome(null, state);
    }

    public boolean ok() {
        return signedIn != null;
    }
}
