package io.rollcall.domain.rbac;

import io.rollcall.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Optional;

/** The fixed permission catalogue, each written {@code area:action}. Served at {@code GET /api/v1/permissions}. */
public enum Permission {
    WORKFLOWS_READ("workflows:read", "See workflows and their runs"),
    WORKFLOWS_WRITE("workflows:write", "Create, change and delete workflows"),
    WORKFLOWS_RUN("workflows:run", "Run workflows"),
    EVENTS_READ("events:read", "See events"),
    EVENTS_WRITE("events:write", "Handle events: acknowledge, close, annotate"),
    INTEGRATIONS_READ("integrations:read", "See integrations"),
    INTEGRATIONS_WRITE("integrations:write", "Create, change and delete integrations"),
    SECRETS_READ("secrets:read", "Read secrets' values"),
    SECRETS_WRITE("secrets:write", "Create, change and delete secrets"),
    MEMBERS_READ("members:read", "See the workspace's members, groups and roles"),
    MEMBERS_MANAGE("members:manage", "Invite, remove and change the role of members"),
    GROUPS_MANAGE("groups:manage", "Create, change and delete groups and their members"),
    ROLES_MANAGE("roles:manage", "Create, change and delete custom roles"),
    SSO_MANAGE("sso:manage", "Configure the SSO connection and claim rules"),
    SCIM_MANAGE("scim:manage", "Create and revoke SCIM tokens"),
    AUDIT_READ("audit:read", "Read the audit log");

    private final String value;
    private final String description;

    Permission(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** The catalogue string, e.g. {@code workflows:read}. */
    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> find(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }

    /** Parses a catalogue string; an unknown one is the client's mistake. */
    public static Permission parse(String value) {
        return find(value)
                .orElseThrow(() -> new InvalidInputException(
                        "permissions",
                        "unknown permission '" + value + "'; see GET /api/v1/permissions for the catalogue"));
    }

    @Override
    public String toString() {
        return value;
    }
}
