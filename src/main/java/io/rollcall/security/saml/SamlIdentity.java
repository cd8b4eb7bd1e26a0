package io.rollcall.security.saml;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity read from a validated assertion.
 *
 * @param issuer the IdP entity id
 * @param nameId the NameID value, complete (never cut at a comment)
 * @param nameIdFormat the NameID Format, if given
 * @param sessionIndex the AuthnStatement SessionIndex, if given
 * @param attributes attribute name to values; repeated Attribute elements with one name are merged in document order
 * @param inResponseTo the id of our AuthnRequest this answers
 * @param assertionId the assertion's ID
 */
public record SamlIdentity(
        String issuer,
        String nameId,
        Optional<String> nameIdFormat,
        Optional<String> sessionIndex,
        Map<String, List<String>> attributes,
        String inResponseTo,
        String assertionId) {

    public SamlIdentity {
        attributes = Map.copyOf(attributes);
    }

    @Override
    public String toString() {
        return "SamlIdentity[issuer=" + issuer + ", assertionId=" + assertionId + "]";
    }
}
