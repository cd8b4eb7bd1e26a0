package io.rollcall.application;

import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.rbac.Permission;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Workspaces: create (the creator becomes owner), list the caller's, read, rename and set JIT/SCIM defaults. */
@ApplicationScoped
@Transactional
public class WorkspaceService {

    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+" + "[a-z]{2,63}$");

    private final WorkspaceRepository workspaces;
    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final WorkspaceSetup setup;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public WorkspaceService(
            WorkspaceRepository workspaces,
            AccountRepository accounts,
            RoleRepository roles,
            WorkspaceSetup setup,
            Authorization authorization,
            AuditLog audit,
            io.rollcall.domain.sso.SsoConnectionRepository connections,
            Clock clock) {
        this.connections = connections;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.roles = roles;
        this.setup = setup;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    private final io.rollcall.domain.sso.SsoConnectionRepository connections;

    /** For CDI proxies only. */
    protected WorkspaceService() {
        this(null, null, null, null, null, null, null, null);
    }

    /** Changes to a workspace's settings; a null field is left as it is. */
    public record Changes(
            String name,
            Boolean jitEnabled,
            List<String> jitDomains,
            String jitRole,
            String scimDefaultRole,
            Boolean ssoRequired) {}

    public Workspace create(Caller caller, String id, String name) {
        String slug = Inputs.slug("id", id);
        String cleanName = Inputs.requiredText("name", name, 200);
        Account founder = accounts.find(caller.accountId())
                .orElseThrow(() -> new NotFoundException("account", caller.accountId()));
        return setup.create(slug, cleanName, founder, caller.actor(), clock.instant());
    }

    public List<Workspace> listMine(Caller caller) {
        return workspaces.listForAccount(caller.accountId());
    }

    public Workspace get(Caller caller, String workspaceId) {
        // members:read, not mere membership: a deactivated member sees nothing of the workspace.
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return workspaces.find(workspaceId).orElseThrow(() -> new NotFoundException("workspace", workspaceId));
    }

    public Workspace update(Caller caller, String workspaceId, Changes changes) {
        var actor = authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        // Locked: a role chosen here must not be deleted concurrently (RoleService.delete takes the same lock).
        Workspace workspace =
                workspaces.lock(workspaceId).orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        Instant now = clock.instant();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (changes.name() != null) {
            workspace.rename(Inputs.requiredText("name", changes.name(), 200), now);
            summary.put("name", workspace.name());
        }
        if (changes.jitEnabled() != null || changes.jitDomains() != null || changes.jitRole() != null) {
            boolean enabled = changes.jitEnabled() != null ? changes.jitEnabled() : workspace.jitEnabled();
            Set<String> domains = changes.jitDomains() != null ? domains(changes.jitDomains()) : workspace.jitDomains();
            String roleId = changes.jitRole() != null
                    ? grantableRole(actor, workspaceId, changes.jitRole(), "jit.role")
                    : workspace.jitRoleId();
            workspace.configureJit(enabled, domains, roleId, now);
            summary.put("jit.enabled", enabled);
            summary.put("jit.domains", domains);
            summary.put("jit.role", roleId);
        }
        if (changes.ssoRequired() != null) {
            requireOwner(actor, "sso.required");
            if (changes.ssoRequired() && connections.find(workspaceId).isEmpty()) {
                throw new ConflictException(
                        "sso-not-configured",
                        "sso.required needs an SSO connection first;"
                                + " otherwise only break-glass owners could sign in");
            }
            workspace.setSsoRequired(changes.ssoRequired(), now);
            summary.put("sso.required", changes.ssoRequired());
        }
        if (changes.scimDefaultRole() != null) {
            String roleId = grantableRole(actor, workspaceId, changes.scimDefaultRole(), "scim.defaultRole");
            workspace.setScimDefaultRole(roleId, now);
            summary.put("scim.defaultRole", roleId);
        }
        audit.record(workspaceId, caller.actor(), "workspace.updated", "workspace", workspaceId, summary);
        return workspace;
    }

    /** Sign-in policy is the owners' alone, whatever a custom role holds. */
    static void requireOwner(io.rollcall.domain.identity.Member actor, String what) {
        if (!io.rollcall.domain.rbac.PresetRole.OWNER.id().equals(actor.roleId())) {
            throw new io.rollcall.domain.shared.ForbiddenException(
                    "owner-only", what + " can only be changed by an" + " owner");
        }
    }

    private String grantableRole(
            io.rollcall.domain.identity.Member actor, String workspaceId, String roleId, String field) {
        Role role = roles.find(workspaceId, roleId)
                .orElseThrow(() -> new InvalidInputException(field, "role '" + roleId + "' does not exist"));
        authorization.requireCanGrant(actor, role.permissions(), "role '" + roleId + "'");
        return role.id();
    }

    private static Set<String> domains(List<String> raw) {
        Set<String> result = new TreeSet<>();
        for (String domain : raw) {
            String normalised = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(normalised).matches()) {
                throw new InvalidInputException("jit.domains", "'" + domain + "' is not a valid email domain");
            }
            result.add(normalised);
        }
        return result;
    }
}
