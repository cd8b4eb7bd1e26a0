package io.rollcall.domain.mapping;

import java.util.Optional;
import java.util.Set;

/**
 * What a login does to a member's SSO-source memberships.
 *
 * @param groups the dynamic groups whose rules match this login
 * @param overage present when the IdP signalled a groups overage; then {@link #keepExisting()} is true and the caller
 *     must leave existing SSO memberships in place (it may still add {@code groups})
 * @param <G> group id type
 */
public record SsoMembershipPlan<G>(Set<G> groups, Optional<GroupOverage> overage) {

    public SsoMembershipPlan {
        groups = Set.copyOf(groups);
    }

    /** True when existing SSO memberships must not be removed because the IdP's group list is incomplete. */
    public boolean keepExisting() {
        return overage.isPresent();
    }
}
