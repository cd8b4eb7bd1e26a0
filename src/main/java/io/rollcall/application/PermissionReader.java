package io.rollcall.application;

import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Reads a member's {@link PermissionSnapshot} from the database, each time in a transaction of its own
 * ({@code REQUIRES_NEW}): the read must see the database as it is after the moment {@link PermissionSnapshots} noted the
 * workspace's generation, never an older snapshot of an enclosing transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PermissionReader {

    private final MemberRepository members;
    private final Authorization authorization;

    @Inject
    public PermissionReader(MemberRepository members, Authorization authorization) {
        this.members = members;
        this.authorization = authorization;
    }

    /** For CDI proxies only. */
    protected PermissionReader() {
        this(null, null);
    }

    /** The member with this id in the workspace; empty when there is none. */
    public Optional<PermissionSnapshot> ofMember(String workspaceId, String memberId) {
        return members.find(workspaceId, memberId).map(this::snapshot);
    }

    /** The member of this account in the workspace; empty when the account is not a member there. */
    public Optional<PermissionSnapshot> ofAccount(String workspaceId, String accountId) {
        return members.findByAccount(workspaceId, accountId).map(this::snapshot);
    }

    private PermissionSnapshot snapshot(Member member) {
        return new PermissionSnapshot(member.id(), member.active(), authorization.effectivePermissions(member));
    }
}
