package io.rollcall.application;

import io.rollcall.domain.group.MembershipRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.rbac.EffectivePermissions;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Members of a workspace: list and search, read, change the direct role or active state, remove. */
@ApplicationScoped
@Transactional
public class MemberService {

    private final MemberRepository members;
    private final RoleRepository roles;
    private final Authorization authorization;
    private final LastOwnerGuard lastOwner;
    private final AuditLog audit;
    private final Clock clock;
    private final MembershipRepository memberships;

    @Inject
    public MemberService(
            MemberRepository members,
            RoleRepository roles,
            Authorization authorization,
            LastOwnerGuard lastOwner,
            AuditLog audit,
            Clock clock,
            MembershipRepository memberships) {
        this.memberships = memberships;
        this.members = members;
        this.roles = roles;
        this.authorization = authorization;
        this.lastOwner = lastOwner;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected MemberService() {
        this(null, null, null, null, null, null, null);
    }

    /** A change of a member; a null field is left as it is. */
    public record Changes(String role, Boolean active, Boolean breakGlass) {}

    public Page<Member> list(Caller caller, String workspaceId, String query, PageRequest page) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return members.search(workspaceId, query, page.offset(), page.size());
    }

    /** A page of members with the names of the groups each is in (for the console's members table). */
    public record Listed(Page<Member> page, Map<String, java.util.List<String>> groupNames) {}

    /** {@link #list}, plus each listed member's group names, read in one query for the page. */
    public Listed listWithGroups(Caller caller, String workspaceId, String query, PageRequest page) {
        Page<Member> found = list(caller, workspaceId, query, page);
        return new Listed(
                found,
                memberships.groupNamesOf(found.items().stream().map(Member::id).toList()));
    }

    public Member get(Caller caller, String workspaceId, String memberId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return find(workspaceId, memberId);
    }

    /** A member with its effective permissions, read in one transaction. */
    public record MemberPermissions(Member member, EffectivePermissions permissions) {}

    public MemberPermissions permissions(Caller caller, String workspaceId, String memberId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        Member member = find(workspaceId, memberId);
        return new MemberPermissions(member, authorization.effectivePermissions(member));
    }

    public Member update(Caller caller, String workspaceId, String memberId, Changes changes) {
        Member actor = authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        Member target = find(workspaceId, memberId);
        Map<String, Object> summary = new LinkedHashMap<>();
        boolean losesOwnership = false;
        Role newRole = null;
        if (changes.role() != null && !changes.role().equals(target.roleId())) {
            newRole = roles.find(workspaceId, changes.role())
                    .orElseThrow(() -> new InvalidInputException(
                            "role", "role '" + changes.role() + "' does not exist in this workspace"));
            requireCanManage(actor, target);
            authorization.requireCanGrant(actor, newRole.permissions(), "role '" + newRole.id() + "'");
            losesOwnership = true;
            summary.put("role.before", target.roleId());
            summary.put("role.after", newRole.id());
        }
        if (changes.active() != null && changes.active() != target.active()) {
            requireCanManage(actor, target);
            losesOwnership |= !changes.active();
            summary.put("active.before", target.active());
            summary.put("active.after", changes.active());
        }
        if (changes.breakGlass() != null && changes.breakGlass() != target.breakGlass()) {
            WorkspaceService.requireOwner(actor, "breakGlass");
            if (changes.breakGlass()
                    && !io.rollcall.domain.rbac.PresetRole.OWNER
                            .id()
                            .equals(newRole != null ? newRole.id() : target.roleId())) {
                throw new InvalidInputException("breakGlass", "only owners can be break-glass owners");
            }
            summary.put("breakGlass.before", target.breakGlass());
            summary.put("breakGlass.after", changes.breakGlass());
        }
        if (summary.isEmpty()) {
            return target;
        }
        if (losesOwnership) {
            // Checked before anything changes, under the workspace lock: see LastOwnerGuard.
            lastOwner.ensureOwnerRemains(target);
        }
        if (newRole != null) {
            target.assignRole(newRole.id());
        }
        if (changes.active() != null) {
            target.setActive(changes.active());
        }
        if (changes.breakGlass() != null) {
            target.setBreakGlass(changes.breakGlass());
        }
        target.touch(clock.instant());
        audit.record(workspaceId, caller.actor(), "member.updated", "member", target.id(), summary);
        return target;
    }

    public void delete(Caller caller, String workspaceId, String memberId) {
        Member actor = authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        Member target = find(workspaceId, memberId);
        requireCanManage(actor, target);
        lastOwner.ensureOwnerRemains(target);
        members.remove(target);
        audit.record(
                workspaceId,
                caller.actor(),
                "member.deleted",
                "member",
                target.id(),
                Map.of("userName", target.userName(), "role", target.roleId()));
    }

    /**
     * The IdP identity a member is bound to, as {@code issuer|subject} (SAML NameID or OIDC {@code sub}); empty when
     * the member has never logged in through SSO or was unlinked. Needs {@code members:read}.
     */
    public Optional<String> linkedIdentity(Caller caller, String workspaceId, String memberId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return Optional.ofNullable(find(workspaceId, memberId).ssoSubject());
    }

    /**
     * Unbinds the member from its IdP identity, so that its next SSO login links by verified e-mail again (after a
     * move to another IdP). Needs {@code members:manage} and, like any change of a member, every permission of its
     * role. Audited as {@code member.sso-unlinked}; 404 {@code not-found} when nothing is linked.
     */
    public void unlinkIdentity(Caller caller, String workspaceId, String memberId) {
        Member actor = authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        Member target = find(workspaceId, memberId);
        requireCanManage(actor, target);
        String subject = target.ssoSubject();
        if (subject == null) {
            throw new NotFoundException("linked identity of member", memberId);
        }
        target.setSsoSubject(null);
        target.touch(clock.instant());
        audit.record(
                workspaceId, caller.actor(), "member.sso-unlinked", "member", target.id(), Map.of("subject", subject));
    }

    /** A member may only change or remove members whose direct role it could have granted itself. */
    private void requireCanManage(Member actor, Member target) {
        Role targetRole = roles.find(target.workspaceId(), target.roleId()).orElseThrow();
        authorization.requireCanGrant(
                actor, targetRole.permissions(), "changes to a member with role '" + targetRole.id() + "'");
    }

    private Member find(String workspaceId, String memberId) {
        if (!io.rollcall.domain.shared.Ids.isUuid(memberId)) {
            throw new NotFoundException("member", memberId);
        }
        return members.find(workspaceId, memberId).orElseThrow(() -> new NotFoundException("member", memberId));
    }
}
