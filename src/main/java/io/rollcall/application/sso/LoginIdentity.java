package io.rollcall.application.sso;

import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.shared.DomainException;
import io.rollcall.domain.shared.Emails;
import io.rollcall.domain.sso.SsoConnection;
import java.util.Optional;

/**
 * Who the IdP says logged in, after the protocol checks passed.
 *
 * @param protocol SAML or OIDC
 * @param subject the member's stable key at this workspace's connection: {@code issuer|subject} (NameID or {@code sub})
 * @param email the email the IdP asserts, normalised, if any
 * @param emailVerified whether the IdP vouches for the email (see {@link SsoIdentityLinker})
 * @param displayName a display name, if the IdP sent one
 * @param claims every claim/attribute, for claim rules
 */
public record LoginIdentity(
        SsoConnection.Type protocol,
        String subject,
        Optional<String> email,
        boolean emailVerified,
        Optional<String> displayName,
        ClaimSet claims) {

    /** The longest {@code issuer|subject} key, in characters (the column's width). */
    static final int MAX_SUBJECT = 512;

    /**
     * Binds the subject to the IdP that asserted it, so two IdPs' equal subjects never meet.
     *
     * @throws SsoFailure {@link SsoFailure.Reason#SUBJECT_TOO_LONG} past {@link #MAX_SUBJECT} characters
     */
    static String subjectKey(String issuer, String subject) {
        String key = issuer + "|" + subject;
        if (key.length() > MAX_SUBJECT) {
            throw new SsoFailure(
                    SsoFailure.Reason.SUBJECT_TOO_LONG, "the identity provider's subject identifier is" + " too long");
        }
        return key;
    }

    /** The email in Rollcall's normal form, or empty if the IdP's value is no email address. */
    static Optional<String> normalisedEmail(String raw) {
        try {
            return Optional.of(Emails.normalise(raw));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "LoginIdentity[" + protocol + "]";
    }
}
