package io.rollcall.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One entry of a member's SCIM {@code phoneNumbers}. */
@Entity
@Table(name = "member_phone")
public class MemberPhone {

    @Id
    @Column(name = "id")
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "member_id")
    private Member member;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "phone_value", nullable = false)
    private String value;

    @Column(name = "phone_type")
    private String type;

    @Column(name = "display")
    private String display;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected MemberPhone() {}

    MemberPhone(String id, Member member, int position, String value, String type, String display, boolean primary) {
        this.id = id;
        this.member = member;
        this.position = position;
        this.value = value;
        this.type = type;
        this.display = display;
        this.primary = primary;
    }

    public String value() {
        return value;
    }

    public String type() {
        return type;
    }

    public String display() {
        return display;
    }

    public boolean primary() {
        return primary;
    }

    public int position() {
        return position;
    }
}
