package io.rollcall.domain.rbac;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's effective permissions: the direct role's permissions united with the roles of all groups it is in, and
 * nothing at all while the member is deactivated. Every authorization decision goes through {@link #of}; there is no
 * second way to compute them.
 */
public final class EffectivePermissions {

    private static final EffectivePermissions NONE = new EffectivePermissions(Map.of());

    private final Map<Permission, List<Grant>> grants;

    private EffectivePermissions(Map<Permission, List<Grant>> grants) {
        this.grants = grants;
    }

    /**
     * @param active       whether the member is active; a deactivated member has no permissions
     * @param directRole   the member's direct role
     * @param groupGrants  one entry per group the member is in that carries a role, with that role
     */
    public static EffectivePermissions of(boolean active, Role directRole, Map<Grant, Role> groupGrants) {
        if (!active) {
            return NONE;
        }
        Map<Permission, List<Grant>> map = new EnumMap<>(Permission.class);
        Grant direct = Grant.directRole(directRole.id(), directRole.name());
        directRole.permissions().forEach(p -> add(map, p, direct));
        groupGrants.forEach((grant, role) -> role.permissions().forEach(p -> add(map, p, grant)));
        return new EffectivePermissions(Collections.unmodifiableMap(map));
    }

    private static void add(Map<Permission, List<Grant>> map, Permission permission, Grant grant) {
        map.computeIfAbsent(permission, k -> new java.util.ArrayList<>()).add(grant);
    }

    public static EffectivePermissions none() {
        return NONE;
    }

    public boolean allows(Permission permission) {
        return grants.containsKey(permission);
    }

    /** The grants that give {@code permission}; empty when it is not allowed. */
    public List<Grant> grantedBy(Permission permission) {
        return grants.getOrDefault(permission, List.of());
    }

    public Set<Permission> permissions() {
        return grants.keySet();
    }

    public Map<Permission, List<Grant>> asMap() {
        return grants;
    }
}
