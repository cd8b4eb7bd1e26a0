package io.rollcall.domain.workspace;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** A tenant. Nothing crosses workspaces. Holds the settings SSO and SCIM use when they create members. */
@Entity
@Table(name = "workspace")
public class Workspace {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "jit_enabled", nullable = false)
    private boolean jitEnabled;

    @Column(name = "jit_role_id", nullable = false)
    private String jitRoleId;

    @Column(name = "scim_default_role_id", nullable = false)
    private String scimDefaultRoleId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "workspace_jit_domain", joinColumns = @JoinColumn(name = "workspace_id"))
    @Column(name = "domain")
    private Set<String> jitDomains = new TreeSet<>();

    @Column(name = "sso_required", nullable = false)
    private boolean ssoRequired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Workspace() {}

    public Workspace(String id, String name, Instant now) {
        this.id = id;
        this.name = name;
        this.jitEnabled = false;
        this.jitRoleId = "viewer";
        this.scimDefaultRoleId = "viewer";
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean jitEnabled() {
        return jitEnabled;
    }

    public String jitRoleId() {
        return jitRoleId;
    }

    public String scimDefaultRoleId() {
        return scimDefaultRoleId;
    }

    /** Email domains (lower case) whose people may be created just in time at SSO login. */
    public Set<String> jitDomains() {
        return Set.copyOf(jitDomains);
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

    public void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    public void configureJit(boolean enabled, Collection<String> domains, String roleId, Instant now) {
        this.jitEnabled = enabled;
        this.jitDomains.clear();
        this.jitDomains.addAll(domains);
        this.jitRoleId = roleId;
        this.updatedAt = now;
    }

    public void setScimDefaultRole(String roleId, Instant now) {
        this.scimDefaultRoleId = roleId;
        this.updatedAt = now;
    }

    /** JIT may create a member with this (normalised) email only when enabled and the domain is allowed. */
    /** {@code sso.required}: e-mail sign-in is refused except for break-glass owners. */
    public boolean ssoRequired() {
        return ssoRequired;
    }

    public void setSsoRequired(boolean required, Instant now) {
        this.ssoRequired = required;
        this.updatedAt = now;
    }

    public boolean allowsJit(String normalisedEmail) {
        if (!jitEnabled) {
            return false;
        }
        String domain = normalisedEmail.substring(normalisedEmail.indexOf('@') + 1);
        return jitDomains.contains(domain);
    }
}
