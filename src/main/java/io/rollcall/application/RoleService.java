package io.rollcall.application;

import io.rollcall.domain.identity.Member;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.rbac.PresetRole;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roles: the five presets (read-only) and custom roles per workspace. Deleting a custom role that a member, a group,
 * a pending invite or the workspace's SCIM/JIT settings still use is refused (409 {@code role-in-use}) rather than
 * silently reassigning people: an owner decides where they go.
 */
@ApplicationScoped
@Transactional
public class RoleService {

    private final RoleRepository roles;
    private final WorkspaceRepository workspaces;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public RoleService(
            RoleRepository roles,
            WorkspaceRepository workspaces,
            Authorization authorization,
            AuditLog audit,
            Clock clock) {
        this.roles = roles;
        this.workspaces = workspaces;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected RoleService() {
        this(null, null, null, null, null);
    }

    /** A change of a custom role; a null field is left as it is. */
    public record Changes(String name, String description, List<String> permissions) {}

    public List<Role> list(Caller caller, String workspaceId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return roles.list(workspaceId);
    }

    public Role get(Caller caller, String workspaceId, String roleId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return find(workspaceId, roleId);
    }

    public Role create(
            Caller caller, String workspaceId, String id, String name, String description, List<String> permissions) {
        Member actor = authorization.require(caller, workspaceId, Permission.ROLES_MANAGE);
        String roleId = Inputs.slug("id", id);
        if (PresetRole.isPreset(roleId) || roles.find(workspaceId, roleId).isPresent()) {
            throw new ConflictException("duplicate-id", "a role with id '" + roleId + "' already exists");
        }
        String cleanName = Inputs.requiredText("name", name, 100);
        requireFreeName(workspaceId, cleanName, null);
        Set<Permission> perms = parse(permissions);
        authorization.requireCanGrant(actor, perms, "a role with these permissions");
        Role role = Role.custom(
                workspaceId,
                roleId,
                cleanName,
                Inputs.optionalText("description", description, 1000),
                perms,
                clock.instant());
        roles.add(role);
        audit.record(
                workspaceId,
                caller.actor(),
                "role.created",
                "role",
                roleId,
                Map.of("name", cleanName, "permissions", role.permissionValues()));
        return role;
    }

    public Role update(Caller caller, String workspaceId, String roleId, Changes changes) {
        Member actor = authorization.require(caller, workspaceId, Permission.ROLES_MANAGE);
        Role role = find(workspaceId, roleId);
        if (role.isPreset()) {
            throw new ConflictException("preset-role", "'" + roleId + "' is a preset role and cannot be changed");
        }
        authorization.requireCanGrant(actor, role.permissions(), "changes to role '" + roleId + "'");
        Map<String, Object> summary = new LinkedHashMap<>();
        if (changes.name() != null) {
            String cleanName = Inputs.requiredText("name", changes.name(), 100);
            requireFreeName(workspaceId, cleanName, roleId);
            summary.put("name.before", role.name());
            role.rename(cleanName);
            summary.put("name.after", cleanName);
        }
        if (changes.description() != null) {
            role.describe(Inputs.optionalText("description", changes.description(), 1000));
            summary.put("description", role.description());
        }
        if (changes.permissions() != null) {
            Set<Permission> perms = parse(changes.permissions());
            authorization.requireCanGrant(actor, perms, "a role with these permissions");
            summary.put("permissions.before", role.permissionValues());
            role.replacePermissions(perms);
            summary.put("permissions.after", role.permissionValues());
        }
        role.touch(clock.instant());
        audit.record(workspaceId, caller.actor(), "role.updated", "role", roleId, summary);
        return role;
    }

    public void delete(Caller caller, String workspaceId, String roleId) {
        Member actor = authorization.require(caller, workspaceId, Permission.ROLES_MANAGE);
        Role role = find(workspaceId, roleId);
        if (role.isPreset()) {
            throw new ConflictException("preset-role", "'" + roleId + "' is a preset role and cannot be deleted");
        }
        authorization.requireCanGrant(actor, role.permissions(), "deletion of role '" + roleId + "'");
        // Under the workspace lock, which a settings change also takes: the role cannot become the SCIM default or
        // JIT role between this check and the delete (a SCIM create would then fail on the member's role key).
        Workspace workspace = workspaces.lock(workspaceId).orElseThrow(() -> new NotFoundException("role", roleId));
        if (roleId.equals(workspace.scimDefaultRoleId()) || roleId.equals(workspace.jitRoleId())) {
            throw new ConflictException(
                    "role-in-use",
                    "role '" + roleId + "' is the workspace's "
                            + (roleId.equals(workspace.scimDefaultRoleId())
                                    ? "SCIM default role (scim.defaultRole)"
                                    : "JIT role (jit.role)")
                            + "; choose another one there first");
        }
        long memberCount = roles.countMembersWithRole(workspaceId, roleId);
        long groupCount = roles.countGroupsWithRole(workspaceId, roleId);
        long inviteCount = roles.countPendingInvitesWithRole(workspaceId, roleId);
        if (memberCount > 0 || groupCount > 0 || inviteCount > 0) {
            throw new ConflictException(
                    "role-in-use",
                    "role '" + roleId + "' is still the role of " + memberCount
                            + " member(s), " + groupCount + " group(s) and " + inviteCount + " pending invite(s);"
                            + " assign them another role (or revoke the invites) first");
        }
        roles.remove(role);
        audit.record(workspaceId, caller.actor(), "role.deleted", "role", roleId, Map.of("name", role.name()));
    }

    private Role find(String workspaceId, String roleId) {
        return roles.find(workspaceId, roleId).orElseThrow(() -> new NotFoundException("role", roleId));
    }

    private void requireFreeName(String workspaceId, String name, String exceptRoleId) {
        if (roles.nameTaken(workspaceId, name, exceptRoleId)) {
            throw new ConflictException("duplicate-name", "a role named '" + name + "' already exists");
        }
    }

    private static Set<Permission> parse(List<String> values) {
        if (values == null) {
            throw new InvalidInputException("permissions", "'permissions' is required (a list, possibly empty)");
        }
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (String value : values) {
            set.add(Permission.parse(value));
        }
        return set;
    }
}
