package io.rollcall.application.scim;

import io.rollcall.domain.group.Group;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.shared.Page;

/**
 * SCIM list queries (RFC 7644 section 3.4.2), always inside one workspace: filter AND scope, ordered by the sort
 * attribute then by id, paged in the database, with an exact total. Runs in the caller's transaction.
 */
public interface ScimDirectory {

    /**
     * The workspace's members as SCIM Users.
     *
     * @throws io.rollcall.application.scim.ScimProblem 400 invalidFilter or invalidValue (unknown sort attribute)
     */
    Page<Member> users(String workspaceId, SearchSpec spec);

    /**
     * The workspace's DYNAMIC groups (the only groups SCIM sees).
     *
     * @throws io.rollcall.application.scim.ScimProblem 400 invalidFilter or invalidValue (unknown sort attribute)
     */
    Page<Group> dynamicGroups(String workspaceId, SearchSpec spec);
}
