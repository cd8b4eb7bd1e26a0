package io.rollcall.domain.rbac;

/**
 * Where a permission comes from: the member's direct role, or the role of one of its groups. Shown by the
 * {@code authz/check} and member-permissions endpoints as {@code grantedBy}.
 */
public record Grant(Kind kind, String id, String name, String roleId) {

    /** Origin of a grant. */
    public enum Kind {
        ROLE,
        GROUP
    }

    public static Grant directRole(String roleId, String roleName) {
        return new Grant(Kind.ROLE, roleId, roleName, roleId);
    }

    public static Grant group(String groupId, String groupName, String roleId) {
        return new Grant(Kind.GROUP, groupId, groupName, roleId);
    }
}
