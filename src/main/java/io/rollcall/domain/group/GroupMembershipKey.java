package io.rollcall.domain.group;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link GroupMembership}. */
public class GroupMembershipKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String groupId;
    private String memberId;
    private MembershipSource source;

    public GroupMembershipKey() {}

    public GroupMembershipKey(String groupId, String memberId, MembershipSource source) {
        this.groupId = groupId;
        this.memberId = memberId;
        this.source = source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupMembershipKey other
                && Objects.equals(groupId, other.groupId)
                && Objects.equals(memberId, other.memberId)
                && source == other.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, memberId, source);
    }
}
