package io.rollcall.domain.group;

import io.rollcall.domain.shared.Page;
import java.util.List;
import java.util.Optional;

/** Storage of groups, always within one workspace. */
public interface GroupRepository {

    Optional<Group> find(String workspaceId, String groupId);

    /** Finds and write-locks the group row until the transaction ends. */
    Optional<Group> lock(String workspaceId, String groupId);

    /**
     * Whether another group of this membership type has the name (case-insensitive). STATIC and DYNAMIC groups are
     * separate name spaces: SCIM sees only DYNAMIC ones, so only those may block an IdP's push (docs/design.md).
     */
    boolean nameTaken(String workspaceId, MembershipType type, String displayName, String exceptGroupId);

    Page<Group> search(String workspaceId, String query, int offset, int limit);

    void add(Group group);

    void remove(Group group);

    /** Bumps the group's version (its ETag) and update time without loading it, e.g. after a membership change. */
    void markChanged(String groupId, java.time.Instant now);

    List<GroupClaimRule> claimRules(String groupId);

    /** Every claim rule of the workspace's DYNAMIC groups, for evaluating a login. */
    List<GroupClaimRule> claimRulesOfWorkspace(String workspaceId);

    void replaceClaimRules(String groupId, List<GroupClaimRule> rules);
}
