package io.rollcall.application;

import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.rbac.Grant;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Answers "may member M do P?" for products built on Rollcall, with where the permission comes from. */
@ApplicationScoped
@Transactional
public class AuthzService {

    private final Authorization authorization;
    private final MemberRepository members;

    @Inject
    public AuthzService(Authorization authorization, MemberRepository members) {
        this.authorization = authorization;
        this.members = members;
    }

    /** For CDI proxies only. */
    protected AuthzService() {
        this(null, null);
    }

    /** The answer to one check. */
    public record Decision(boolean allowed, List<Grant> grantedBy) {
    }

    public Decision check(Caller caller, String workspaceId, String memberId, String permission) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        if (memberId == null || memberId.isBlank()) {
            throw new InvalidInputException("member", "'member' is required");
        }
        if (permission == null || permission.isBlank()) {
            throw new InvalidInputException("permission", "'permission' is required");
        }
        Permission perm = Permission.parse(permission);
        Member member = (Ids.isUuid(memberId) ? members.find(workspaceId, memberId.toLowerCase())
                : java.util.Optional.<Member>empty())
                .orElseThrow(() -> new InvalidInputException("member", "member '" + memberId
                        + "' does not exist in this workspace"));
        List<Grant> grants = authorization.effectivePermissions(member).grantedBy(perm);
        return new Decision(!grants.isEmpty(), grants);
    }
}
