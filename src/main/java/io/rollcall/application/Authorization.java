package io.rollcall.application;

import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.MembershipRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.rbac.EffectivePermissions;
import io.rollcall.domain.rbac.Grant;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.shared.ForbiddenException;
import io.rollcall.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place that answers "may this caller do this here?". A caller that is not a member of the workspace gets
 * 404 for the workspace (isolation: existence is not revealed); a member without the permission gets 403.
 */
@ApplicationScoped
public class Authorization {

    private final MemberRepository members;
    private final RoleRepository roles;
    private final MembershipRepository memberships;

    @Inject
    public Authorization(MemberRepository members, RoleRepository roles, MembershipRepository memberships) {
        this.members = members;
        this.roles = roles;
        this.memberships = memberships;
    }

    /** For CDI proxies only. */
    protected Authorization() {
        this(null, null, null);
    }

    /** The caller's member in the workspace, or 404 for the workspace. */
    public Member memberOf(Caller caller, String workspaceId) {
        return members.findByAccount(workspaceId, caller.accountId())
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
    }

    /** Requires {@code permission} of the caller in the workspace and returns the caller's member. */
    public Member require(Caller caller, String workspaceId, Permission permission) {
        Member member = memberOf(caller, workspaceId);
        if (!effectivePermissions(member).allows(permission)) {
            throw missing(permission, workspaceId);
        }
        return member;
    }

    /** The 403 for a caller that lacks {@code permission} in the workspace ({@code code} {@code missing-permission}). */
    public static ForbiddenException missing(Permission permission, String workspaceId) {
        return new ForbiddenException(
                "missing-permission",
                "this action needs the permission '" + permission.value() + "' in workspace '" + workspaceId + "'");
    }

    /** Effective permissions of a member: direct role plus group roles, nothing when deactivated. */
    public EffectivePermissions effectivePermissions(Member member) {
        if (!member.active()) {
            return EffectivePermissions.none();
        }
        Role direct = roles.find(member.workspaceId(), member.roleId())
                .orElseThrow(() -> new IllegalStateException("member without a stored role"));
        Map<Grant, Role> groupGrants = new LinkedHashMap<>();
        for (Group group : memberships.groupsWithRoleOf(member.id())) {
            roles.find(member.workspaceId(), group.roleId())
                    .ifPresent(role -> groupGrants.put(Grant.group(group.id(), group.displayName(), role.id()), role));
        }
        return EffectivePermissions.of(true, direct, groupGrants);
    }

    /**
     * Nobody hands out more than they hold: assigning a role (to a member, an invite or a group) or defining a custom
     * role requires the caller to hold every permission it contains. This is what keeps "only owners make owners".
     */
    public void requireCanGrant(Member caller, Set<Permission> permissions, String what) {
        EffectivePermissions own = effectivePermissions(caller);
        for (Permission permission : permissions) {
            if (!own.allows(permission)) {
                throw new ForbiddenException(
                        "privilege-escalation",
                        "you cannot grant " + what + ": it includes '" + permission.value()
                                + "', which you do not hold");
            }
        }
    }
}
