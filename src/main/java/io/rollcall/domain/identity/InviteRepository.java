package io.rollcall.domain.identity;

import io.rollcall.domain.shared.Page;
import java.util.List;
import java.util.Optional;

/** Storage of invites. */
public interface InviteRepository {

    Optional<Invite> find(String workspaceId, String inviteId);

    Optional<Invite> findByTokenHash(String tokenHash);

    /** Pending invites (expired or not) for this email in the workspace. */
    List<Invite> findPending(String workspaceId, String normalisedEmail);

    /** Pending invites for this email in any workspace. */
    List<Invite> findPendingForEmail(String normalisedEmail);

    /**
     * The workspace's invites, newest first, limited to those whose {@link Invite#stateAt state} at {@code now} is one
     * of {@code states} (all invites when it is empty).
     */
    Page<Invite> list(
            String workspaceId, java.util.Set<Invite.State> states, java.time.Instant now, int offset, int limit);

    void add(Invite invite);
}
