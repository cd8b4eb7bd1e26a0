package io.rollcall.domain.group;

import io.rollcall.domain.shared.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Read models over membership rows for provisioning protocols: which DYNAMIC groups members are in (for a page of
 * members at once), and a group's distinct members page by page, so that neither side is loaded whole.
 */
public interface MembershipDirectory {

    /** A group or member as a reference: its id and a human-readable name. */
    record Reference(String id, String display) {}

    /** For each of the given members, the DYNAMIC groups it is in by any source; one query for the whole page. */
    Map<String, List<Reference>> dynamicGroupsOf(Collection<String> memberIds);

    /** The group's distinct members (any source), ordered by member id, with their display names. */
    Page<Reference> membersOf(String groupId, int offset, int limit);

    /**
     * The next {@code limit} distinct members after {@code afterId} (null: from the first) in member-id order: a
     * keyset, so reading a whole 100k-member group in chunks costs one index range scan, not a growing OFFSET.
     */
    List<Reference> membersAfter(String groupId, String afterId, int limit);
}
