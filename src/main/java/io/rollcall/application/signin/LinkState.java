package io.rollcall.application.signin;

/**
 * Why a link cannot be used, each with its own page: {@code UNKNOWN} (never issued, or replaced by a newer one),
 * {@code EXPIRED}, {@code USED}, {@code REVOKED} (invites only), {@code SSO_REQUIRED} (e-mail sign-in refused by the
 * workspace's {@code sso.required}), {@code DEACTIVATED} (the membership is deactivated).
 */
public enum LinkState {
    UNKNOWN,
    EXPIRED,
    USED,
    REVOKED,
    SSO_REQUIRED,
    DEACTIVATED
}
