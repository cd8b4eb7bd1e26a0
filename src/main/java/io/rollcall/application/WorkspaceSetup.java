package io.rollcall.application;

import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.ContactValue;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.rbac.PresetRole;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Creates a workspace with its five preset roles and its first owner, as one unit. */
@ApplicationScoped
public class WorkspaceSetup {

    private final WorkspaceRepository workspaces;
    private final RoleRepository roles;
    private final MemberRepository members;
    private final AuditLog audit;

    @Inject
    public WorkspaceSetup(
            WorkspaceRepository workspaces, RoleRepository roles, MemberRepository members, AuditLog audit) {
        this.workspaces = workspaces;
        this.roles = roles;
        this.members = members;
        this.audit = audit;
    }

    /** For CDI proxies only. */
    protected WorkspaceSetup() {
        this(null, null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Workspace create(String id, String name, Account founder, Actor actor, Instant now) {
        if (workspaces.find(id).isPresent()) {
            throw new ConflictException("duplicate-id", "a workspace with id '" + id + "' already exists");
        }
        Workspace workspace = new Workspace(id, name, now);
        workspaces.add(workspace);
        for (PresetRole preset : PresetRole.values()) {
            roles.add(Role.preset(id, preset, now));
        }
        Member owner = new Member(
                Ids.newId(), id, founder.id(), founder.email(), PresetRole.OWNER.id(), MemberOrigin.FOUNDER, now);
        owner.setDisplayName(founder.displayName());
        owner.replaceEmails(List.of(new ContactValue(founder.email(), "work", null, true)));
        members.add(owner);
        audit.record(id, actor, "workspace.created", "workspace", id, Map.of("name", name, "owner", founder.email()));
        return workspace;
    }
}
