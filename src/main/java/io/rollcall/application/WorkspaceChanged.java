package io.rollcall.application;

import java.util.Set;

/**
 * A change in a workspace, fired by {@link AuditLog#record} for every audited action there (every change is audited,
 * in the transaction that makes it). Observed after commit by {@link PermissionSnapshots}, which forgets what it knows
 * about the workspace when {@link #changesPermissions()} says the change may alter someone's permissions.
 *
 * @param workspaceId the workspace changed; never null
 * @param action the audit action, e.g. {@code member.updated}
 */
public record WorkspaceChanged(String workspaceId, String action) {

    /**
     * Actions that cannot change any member's effective permissions. Everything else does, so that an action added
     * later invalidates until someone decides otherwise: the list errs on the side of a cache miss, never of a stale
     * grant. A SCIM user create makes a member with a new id, of which nothing is remembered (unknown members are not
     * cached); invites change nothing until accepted; tokens and sign-in links are checked elsewhere.
     */
    private static final Set<String> NO_PERMISSION_CHANGE = Set.of(
            "scim.user.created",
            "invite.created",
            "invite.sent",
            "invite.resent",
            "invite.revoked",
            "invite.delivery-failed",
            "scim-token.created",
            "scim-token.revoked",
            "signin.link-requested",
            "signin.link-used",
            "signin.refused",
            "sso.login.refused",
            "rate-limit.refused");

    /** Whether the change may alter a member's effective permissions (role, groups, active state, existence). */
    public boolean changesPermissions() {
        return !NO_PERMISSION_CHANGE.contains(action);
    }
}
