package io.rollcall.domain.rbac;

import java.util.List;
import java.util.Optional;

/** Storage of roles, always within one workspace. */
public interface RoleRepository {

    Optional<Role> find(String workspaceId, String roleId);

    List<Role> list(String workspaceId);

    boolean nameTaken(String workspaceId, String name, String exceptRoleId);

    void add(Role role);

    void remove(Role role);

    /** How many members have this role as their direct role. */
    long countMembersWithRole(String workspaceId, String roleId);

    /** How many groups carry this role. */
    long countGroupsWithRole(String workspaceId, String roleId);

    /** How many invites that are still pending (expired or not) offer this role. */
    long countPendingInvitesWithRole(String workspaceId, String roleId);
}
