package io.rollcall.domain.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored claim rule of a DYNAMIC group: claim name, match kind ({@code EQUALS}, {@code PREFIX}, {@code REGEX}), value. */
@Entity
@Table(name = "claim_rule")
public class GroupClaimRule {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "group_id", nullable = false)
    private String groupId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "claim", nullable = false)
    private String claim;

    @Column(name = "match_type", nullable = false)
    private String matchType;

    @Column(name = "match_value", nullable = false)
    private String value;

    protected GroupClaimRule() {}

    public GroupClaimRule(String id, String groupId, int position, String claim, String matchType, String value) {
        this.id = id;
        this.groupId = groupId;
        this.position = position;
        this.claim = claim;
        this.matchType = matchType;
        this.value = value;
    }

    public String id() {
        return id;
    }

    public String groupId() {
        return groupId;
    }

    public int position() {
        return position;
    }

    public String claim() {
        return claim;
    }

    public String matchType() {
        return matchType;
    }

    public String value() {
        return value;
    }
}
