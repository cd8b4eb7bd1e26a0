package io.rollcall.application;

import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.rbac.PresetRole;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps the rule "a workspace always has at least one active member whose direct role is owner". Every path that can
 * take ownership away (delete, demote, deactivate; admin API or SCIM) calls {@link #ensureOwnerRemains} first. It
 * locks the workspace row, so two concurrent demotions of the last two owners serialise and exactly one wins.
 */
@ApplicationScoped
public class LastOwnerGuard {

    private static final String OWNER = PresetRole.OWNER.id();

    private final WorkspaceRepository workspaces;
    private final MemberRepository members;

    @Inject
    public LastOwnerGuard(WorkspaceRepository workspaces, MemberRepository members) {
        this.workspaces = workspaces;
        this.members = members;
    }

    /** For CDI proxies only. */
    protected LastOwnerGuard() {
        this(null, null);
    }

    /**
     * Refuses when {@code target} is an active owner and no other active owner would be left.
     *
     * @throws ConflictException with code {@code last-owner}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensureOwnerRemains(Member target) {
        if (!target.active() || !OWNER.equals(target.roleId())) {
            return;
        }
        workspaces
                .lock(target.workspaceId())
                .orElseThrow(() -> new NotFoundException("workspace", target.workspaceId()));
        if (members.countActiveWithRole(target.workspaceId(), OWNER) <= 1) {
            throw new ConflictException(
                    "last-owner",
                    "member '" + target.userName() + "' is the workspace's last"
                            + " active owner; make another member owner first");
        }
    }
}
