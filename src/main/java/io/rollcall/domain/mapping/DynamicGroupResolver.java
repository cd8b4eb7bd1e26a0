package io.rollcall.domain.mapping;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides which DYNAMIC groups a login's claims put a member in. A group with several rules matches if ANY of its rules
 * applies (rules are alternatives, so one group can accept e.g. both a Keycloak group path and an Entra object id); a
 * group without rules never matches. Stateless and thread-safe.
 */
public final class DynamicGroupResolver {

    /** The ids of the groups whose rules match, in the order given. */
    public <G> Set<G> resolve(Collection<GroupRules<G>> groups, ClaimSet claims) {
        Set<G> matched = new LinkedHashSet<>();
        for (GroupRules<G> group : groups) {
            if (group.matches(claims)) {
                matched.add(group.groupId());
            }
        }
        return matched;
    }

    /** The matching groups plus the overage decision the caller must honour. */
    public <G> SsoMembershipPlan<G> plan(Collection<GroupRules<G>> groups, ClaimSet claims) {
        return new SsoMembershipPlan<>(resolve(groups, claims), GroupOverage.detect(claims));
    }
}
