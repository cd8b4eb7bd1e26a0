package io.rollcall.domain.group;

import io.rollcall.domain.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Group membership rows. Every change touches the rows it names and nothing else, so that adding or removing one
 * member costs the same in a 10-member and a 100,000-member group.
 */
public interface MembershipRepository {

    /** Adds the row if absent; true when it was added. */
    boolean add(String groupId, String memberId, MembershipSource source, Instant now);

    /** Removes the row if present; true when it was removed. */
    boolean remove(String groupId, String memberId, MembershipSource source);

    /** Removes every row of this source in the group; returns how many. */
    int removeAll(String groupId, MembershipSource source);

    boolean exists(String groupId, String memberId, MembershipSource source);

    /** Membership rows of the group (one per member and source) with the member's user name, paged. */
    Page<MembershipEntry> list(String groupId, int offset, int limit);

    /** The groups the member is in, by any source. */
    Set<String> groupIdsOf(String memberId);

    /** The groups the member is in through this source. */
    Set<String> groupIdsOf(String memberId, MembershipSource source);

    /** Groups with a role that the member is in, by any source. */
    List<Group> groupsWithRoleOf(String memberId);

    /**
     * The display names of the groups each of these members is in (any source), sorted; members in no group are
     * absent. One query for a page of members, never one per member.
     */
    java.util.Map<String, List<String>> groupNamesOf(java.util.Collection<String> memberIds);
}
