package io.rollcall.application.cluster;

/**
 * One thing other instances must stop trusting from memory: {@code kind} names the cache ({@code scim-token},
 * {@code api-token}, {@code workspace-permissions}), {@code id} the entry (a token id, a workspace id; never a secret). Sent as
 * {@code kind + ":" + id}.
 */
public record Invalidation(String kind, String id) {

    public static final String SCIM_TOKEN = "scim-token";
    /** A personal API token ({@code id} is the token's id). */
    public static final String API_TOKEN = "api-token";
    /** Every permission snapshot of the workspace {@code id} (a member, group or role there changed). */
    public static final String WORKSPACE_PERMISSIONS = "workspace-permissions";

    /** The wire form. */
    public String encode() {
        return kind + ":" + id;
    }

    /** Parses the wire form; null for anything else (a newer or older instance's message). */
    public static Invalidation decode(String message) {
        int colon = message == null ? -1 : message.indexOf(':');
        return colon <= 0 ? null : new Invalidation(message.substring(0, colon), message.substring(colon + 1));
    }
}
