package io.rollcall.domain.rbac;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named set of permissions in one workspace. Preset roles are stored too (so that references are foreign keys),
 * but their permissions always come from {@link PresetRole}: a preset row can never drift from the code.
 */
@Entity
@Table(name = "role")
@IdClass(RoleKey.class)
public class Role {

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "name_lower", nullable = false)
    private String nameLower;

    @Column(name = "description")
    private String description;

    @Column(name = "preset", nullable = false)
    private boolean preset;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "role_permission",
            joinColumns = {
                @JoinColumn(name = "workspace_id", referencedColumnName = "workspace_id"),
                @JoinColumn(name = "role_id", referencedColumnName = "id")
            })
    @Column(name = "permission")
    private Set<String> storedPermissions = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Role() {}

    private Role(String workspaceId, String id, String name, String description, boolean preset, Instant now) {
        this.workspaceId = workspaceId;
        this.id = id;
        rename(name);
        this.description = description;
        this.preset = preset;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Role preset(String workspaceId, PresetRole preset, Instant now) {
        return new Role(workspaceId, preset.id(), preset.displayName(), preset.description(), true, now);
    }

    public static Role custom(
            String workspaceId, String id, String name, String description, Set<Permission> permissions, Instant now) {
        Role role = new Role(workspaceId, id, name, description, false, now);
        role.replacePermissions(permissions);
        return role;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean isPreset() {
        return preset;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The role's permissions; for a preset, always the code's definition. */
    public Set<Permission> permissions() {
        if (preset) {
            return PresetRole.byId(id).map(PresetRole::permissions).orElse(Set.of());
        }
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        storedPermissions.forEach(p -> Permission.find(p).ifPresent(set::add));
        return Collections.unmodifiableSet(set);
    }

    /** Permission strings in catalogue order, for display. */
    public Set<String> permissionValues() {
        Set<String> values = new TreeSet<>();
        permissions().forEach(p -> values.add(p.value()));
        return values;
    }

    public final void rename(String newName) {
        this.name = newName;
        this.nameLower = newName.toLowerCase(Locale.ROOT);
    }

    public void describe(String newDescription) {
        this.description = newDescription;
    }

    public void replacePermissions(Set<Permission> permissions) {
        storedPermissions.clear();
        permissions.forEach(p -> storedPermissions.add(p.value()));
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
