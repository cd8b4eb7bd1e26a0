package io.rollcall.domain.mapping;

import java.util.Optional;

/**
 * The IdP said "this person is in too many groups to list" (Microsoft Entra's groups overage). The groups claim is then
 * absent or incomplete, so the caller must keep the member's existing SSO memberships instead of removing them all,
 * and should audit a warning.
 *
 * @param signal which overage marker was seen
 */
public record GroupOverage(Signal signal) {

    /** SAML attribute Entra sends instead of the groups when there are more than 150. */
    public static final String SAML_GROUPS_LINK = "http://schemas.microsoft.com/claims/groups.link";

    /** Where the overage was signalled. */
    public enum Signal {
        /** OIDC {@code _claim_names} names {@code groups} (the groups live at a Graph endpoint instead). */
        OIDC_CLAIM_NAMES,
        /** OIDC implicit-flow marker {@code hasgroups: true}. */
        OIDC_HASGROUPS,
        /** SAML attribute {@value GroupOverage#SAML_GROUPS_LINK}. */
        SAML_GROUPS_LINK
    }

    /**
     * Detects an overage marker. Works on claim sets from {@link ClaimSet#fromJwtClaims}, where the
     * {@code _claim_names} object is flattened to {@code _claim_names.groups}, and from SAML attributes.
     */
    public static Optional<GroupOverage> detect(ClaimSet claims) {
        if (claims.has("_claim_names.groups")) {
            return Optional.of(new GroupOverage(Signal.OIDC_CLAIM_NAMES));
        }
        if (claims.values("hasgroups").stream().anyMatch("true"::equalsIgnoreCase)) {
            return Optional.of(new GroupOverage(Signal.OIDC_HASGROUPS));
        }
        if (claims.has(SAML_GROUPS_LINK)) {
            return Optional.of(new GroupOverage(Signal.SAML_GROUPS_LINK));
        }
        return Optional.empty();
    }
}
