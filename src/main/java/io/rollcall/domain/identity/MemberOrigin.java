package io.rollcall.domain.identity;

/** How a member came into its workspace. */
public enum MemberOrigin {
    /** Created with the workspace (its creator) or by the bootstrap. */
    FOUNDER,
    /** Accepted an invite. */
    INVITE,
    /** Provisioned by the IdP through SCIM. */
    SCIM,
    /** Created just in time at SSO login. */
    JIT
}
