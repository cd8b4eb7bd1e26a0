package io.rollcall.application.scim;

import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.MembershipDirectory.Reference;
import java.util.List;

/**
 * A DYNAMIC group as SCIM shows it; {@code members} is null when the client excluded them (never loaded).
 * {@code versionBump} is 1 when membership rows changed: their version bump happened in the database, not on this
 * entity (which the commit does not touch then).
 */
public record ScimGroupView(Group group, List<Reference> members, long versionBump) {

    public ScimGroupView(Group group, List<Reference> members) {
        this(group, members, 0);
    }

    /** The version after commit; read it once the use case has returned. */
    public long version() {
        return group.version() + versionBump;
    }
}
