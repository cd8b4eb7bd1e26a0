package io.rollcall.domain.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A group of members in one workspace, optionally carrying a role. Its membership type is fixed at creation.
 * Members are not a collection here: they are rows of {@link GroupMembership}, changed one at a time.
 */
@Entity
@Table(name = "member_group")
public class Group {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "display_name_lower", nullable = false)
    private String displayNameLower;

    @Column(name = "description")
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "membership_type", nullable = false, updatable = false)
    private MembershipType membershipType;

    @Column(name = "role_id")
    private String roleId;

    @Column(name = "external_id")
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, updatable = false)
    private GroupOrigin origin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Group() {}

    public Group(
            String id,
            String workspaceId,
            String displayName,
            String description,
            MembershipType type,
            String roleId,
            GroupOrigin origin,
            Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        rename(displayName);
        this.description = description;
        this.membershipType = type;
        this.roleId = roleId;
        this.origin = origin;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public MembershipType membershipType() {
        return membershipType;
    }

    public boolean isDynamic() {
        return membershipType == MembershipType.DYNAMIC;
    }

    public String roleId() {
        return roleId;
    }

    public String externalId() {
        return externalId;
    }

    public GroupOrigin origin() {
        return origin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public final void rename(String newName) {
        this.displayName = newName;
        this.displayNameLower = newName.toLowerCase(Locale.ROOT);
    }

    public void describe(String newDescription) {
        this.description = newDescription;
    }

    public void assignRole(String newRoleId) {
        this.roleId = newRoleId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
