package io.rollcall.application;

import io.rollcall.domain.rbac.Grant;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Answers "may member M do P?" for products built on Rollcall, with where the permission comes from. The hot path of
 * an embedding product: both the caller's and the member's permissions come from {@link PermissionSnapshots}, which
 * reads the database only when the workspace changed (or every {@link PermissionSnapshots#TRUST_FOR}). No transaction
 * of its own: the snapshots are read in theirs.
 */
@ApplicationScoped
public class AuthzService {

    private final PermissionSnapshots snapshots;

    @Inject
    public AuthzService(PermissionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** For CDI proxies only. */
    protected AuthzService() {
        this(null);
    }

    /** Why a check was denied, in the words the admin API shows ({@link #code()}). */
    public enum DenialReason {
        /** The member exists but is deactivated (SCIM {@code active=false}): it holds no permission at all. */
        MEMBER_DEACTIVATED("member-deactivated"),
        /** The member is active but neither its role nor its groups' roles grant the permission. */
        NO_PERMISSION("no-permission"),
        /** No member with this id exists in this workspace (it may exist in another one: that is not said). */
        UNKNOWN_MEMBER("unknown-member");

        private final String code;

        DenialReason(String code) {
            this.code = code;
        }

        /** The kebab-case code, e.g. {@code member-deactivated}. */
        public String code() {
            return code;
        }
    }

    /**
     * The answer to one check: allowed with the grants that allow it, or denied with a reason (null when allowed).
     */
    public record Decision(boolean allowed, List<Grant> grantedBy, DenialReason reason) {

        static Decision denied(DenialReason reason) {
            return new Decision(false, List.of(), reason);
        }
    }

    /**
     * May member {@code memberId} of {@code workspaceId} do {@code permission}? A member id unknown in this workspace
     * is a denial ({@link DenialReason#UNKNOWN_MEMBER}), not an error, so a product can ask about any id it holds.
     *
     * @throws io.rollcall.domain.shared.ForbiddenException if the caller lacks {@code members:read} there
     * @throws InvalidInputException if member or permission is missing, or the permission is not in the catalogue
     */
    public Decision check(Caller caller, String workspaceId, String memberId, String permission) {
        PermissionSnapshot asker = snapshots
                .ofAccount(workspaceId, caller.accountId())
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        if (!asker.permissions().allows(Permission.MEMBERS_READ)) {
            throw Authorization.missing(Permission.MEMBERS_READ, workspaceId);
        }
        if (memberId == null || memberId.isBlank()) {
            throw new InvalidInputException("member", "'member' is required");
        }
        if (permission == null || permission.isBlank()) {
            throw new InvalidInputException("permission", "'permission' is required");
        }
        Permission perm = Permission.parse(permission);
        Optional<PermissionSnapshot> found =
                Ids.isUuid(memberId) ? snapshots.ofMember(workspaceId, memberId.toLowerCase()) : Optional.empty();
        if (found.isEmpty()) {
            return Decision.denied(DenialReason.UNKNOWN_MEMBER);
        }
        PermissionSnapshot member = found.get();
        if (!member.active()) {
            return Decision.denied(DenialReason.MEMBER_DEACTIVATED);
        }
        List<Grant> grants = member.permissions().grantedBy(perm);
        return grants.isEmpty() ? Decision.denied(DenialReason.NO_PERMISSION) : new Decision(true, grants, null);
    }
}
