package io.rollcall.domain.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reason a member is in a group: (group, member, source). */
@Entity
@Table(name = "group_membership")
@IdClass(GroupMembershipKey.class)
public class GroupMembership {

    @Id
    @Column(name = "group_id")
    private String groupId;

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "source")
    private MembershipSource source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GroupMembership() {}

    public GroupMembership(String groupId, String memberId, MembershipSource source, Instant now) {
        this.groupId = groupId;
        this.memberId = memberId;
        this.source = source;
        this.createdAt = now;
    }

    public String groupId() {
        return groupId;
    }

    public String memberId() {
        return memberId;
    }

    public MembershipSource source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
