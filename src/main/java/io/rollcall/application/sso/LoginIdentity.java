package io.rollcall.application.sso;

import io.rollcall.domain.mapping.ClaimSet;
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
public record LoginIdentity(SsoConnection.Type protocol, String subject, Optional<String> email,
        boolean emailVerified, Optional<String> displayName, ClaimSet claims) {

    @Override
    public String toString() {
        return "LoginIdentity[" + protocol + "]";
    }
}
