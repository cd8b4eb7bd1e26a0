package io.rollcall.application.sso;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A login that cannot complete, told to the person: a {@link Reason} (the kind of refusal, from which the SSO web
 * layer chooses the HTTP status), a stable reason code (also written to the audit log; finer than the reason for the
 * protocol checks, e.g. {@code saml-bad-signature}) and a message that is safe to show. Once the protocol checks have
 * passed, the failure also carries the {@link LoginIdentity} so the refusal is audited with the subject and email.
 */
public class SsoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; each maps to one HTTP status in {@code io.rollcall.sso}. */
    public enum Reason {
        /** The workspace has no (or no matching) SSO connection. */
        NO_CONNECTION,
        /** The login-state cookie is missing, used, expired or from another workspace or protocol. */
        LOGIN_STATE_MISSING,
        /** The return URL leaves Rollcall's origin. */
        INVALID_RETURN_URL,
        /** The IdP's subject identifier does not fit. */
        SUBJECT_TOO_LONG,
        /** The IdP's response cannot be read (malformed SAML, a DTD). */
        MALFORMED_RESPONSE,
        /** The IdP's response was read and refused by the protocol checks (signature, audience, nonce, ...). */
        RESPONSE_REJECTED,
        /** No verified email on a login that needs one. */
        EMAIL_NOT_VERIFIED,
        /** Neither a member, a pending invite nor a JIT domain. */
        NOT_INVITED,
        /** The member is deactivated. */
        DEACTIVATED,
        /** The email belongs to a member bound to another subject. */
        SUBJECT_MISMATCH,
        /** The person's situation conflicts with the workspace (an invite expired in between, a user name taken). */
        MEMBERSHIP_CONFLICT,
        /** The IdP cannot be reached or answered wrongly. */
        IDP_UNAVAILABLE,
        /** ROLLCALL_SECRET_KEY is not set, so the OIDC client secret cannot be opened. */
        SECRET_KEY_MISSING,
        /** ROLLCALL_SECRET_KEY holds no key that opens the stored OIDC client secret (a key dropped too early). */
        SECRET_KEY_MISMATCH;

        /** The reason as a code: {@code NOT_INVITED} is {@code not-invited}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final String code;
    private final transient LoginIdentity identity;

    /** A refusal whose code is the reason's own ({@link Reason#code()}). */
    public SsoFailure(Reason reason, String message) {
        this(reason, reason.code(), message);
    }

    /** A refusal with a finer code than its reason (the protocol checks' own reasons, a domain error's code). */
    public SsoFailure(Reason reason, String code, String message) {
        this(reason, code, message, null);
    }

    private SsoFailure(Reason reason, String code, String message, LoginIdentity identity) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.code = Objects.requireNonNull(code);
        this.identity = identity;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    /** Who the IdP said logged in, if the protocol checks had passed; for the audit event only. */
    public Optional<LoginIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** This refusal, now known to concern {@code identity}. */
    SsoFailure of(LoginIdentity identity) {
        return new SsoFailure(reason, code, getMessage(), identity);
    }

    static SsoFailure noConnection() {
        return new SsoFailure(Reason.NO_CONNECTION, "single sign-on is not set up for this workspace");
    }

    static SsoFailure loginStateMissing() {
        return new SsoFailure(
                Reason.LOGIN_STATE_MISSING,
                "this login was not started in this browser, was already" + " used or took too long; start again");
    }

    static SsoFailure idpUnavailable() {
        return new SsoFailure(
                Reason.IDP_UNAVAILABLE, "the identity provider cannot be reached right now; try again" + " later");
    }
}
