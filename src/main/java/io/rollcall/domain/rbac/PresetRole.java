package io.rollcall.domain.rbac;

import static io.rollcall.domain.rbac.Permission.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The five roles every workspace has, nested: viewer reads; operator also runs workflows and handles events; creator
 * also builds workflows; contributor also manages integrations and secrets; owner holds every permission. Their ids
 * are their names, and they can be neither changed nor deleted.
 */
public enum PresetRole {
    VIEWER(
            "Viewer",
            "Reads workflows, events, integrations and members",
            EnumSet.of(WORKFLOWS_READ, EVENTS_READ, INTEGRATIONS_READ, MEMBERS_READ)),
    OPERATOR("Operator", "Viewer, plus runs workflows and handles events", with(VIEWER, WORKFLOWS_RUN, EVENTS_WRITE)),
    CREATOR("Creator", "Operator, plus builds workflows", with(OPERATOR, WORKFLOWS_WRITE)),
    CONTRIBUTOR(
            "Contributor",
            "Creator, plus manages integrations and secrets",
            with(CREATOR, INTEGRATIONS_WRITE, SECRETS_READ, SECRETS_WRITE)),
    OWNER("Owner", "Every permission, including members, roles, SSO, SCIM and audit", EnumSet.allOf(Permission.class));

    private final String displayName;
    private final String description;
    private final Set<Permission> permissions;

    PresetRole(String displayName, String description, Set<Permission> permissions) {
        this.displayName = displayName;
        this.description = description;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    private static Set<Permission> with(PresetRole base, Permission... more) {
        EnumSet<Permission> set = EnumSet.copyOf(base.permissions);
        set.addAll(Arrays.asList(more));
        return set;
    }

    /** The role id and name used in APIs: {@code viewer}, {@code operator}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public static Optional<PresetRole> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    public static boolean isPreset(String roleId) {
        return byId(roleId).isPresent();
    }
}
