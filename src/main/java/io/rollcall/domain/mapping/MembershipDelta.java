package io.rollcall.domain.mapping;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The rows a login changes among one member's SSO-source memberships: after applying it, the member's SSO rows are
 * exactly {@code plan.groups()}, or, on a groups overage, the old rows plus {@code plan.groups()} (nothing removed,
 * because the IdP's list is incomplete). Rows of other sources are not the input and never the output.
 *
 * @param toAdd groups to add an SSO row for
 * @param toRemove groups whose SSO row goes
 * @param <G> group id type
 */
public record MembershipDelta<G>(Set<G> toAdd, Set<G> toRemove) {

    public MembershipDelta {
        toAdd = Set.copyOf(toAdd);
        toRemove = Set.copyOf(toRemove);
    }

    /** @param currentSsoGroups the groups the member is in through an SSO row now */
    public static <G> MembershipDelta<G> of(Set<G> currentSsoGroups, SsoMembershipPlan<G> plan) {
        Set<G> add = new LinkedHashSet<>(plan.groups());
        add.removeAll(currentSsoGroups);
        Set<G> remove = new LinkedHashSet<>();
        if (!plan.keepExisting()) {
            remove.addAll(currentSsoGroups);
            remove.removeAll(plan.groups());
        }
        return new MembershipDelta<>(add, remove);
    }

    public boolean isEmpty() {
        return toAdd.isEmpty() && toRemove.isEmpty();
    }
}
