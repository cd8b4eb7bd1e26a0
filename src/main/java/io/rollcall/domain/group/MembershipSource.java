package io.rollcall.domain.group;

/** Who put a member into a group. Each writer touches only its own rows. */
public enum MembershipSource {
    /** An owner, through the admin API (static groups). */
    MANUAL,
    /** The IdP's SCIM connector. */
    SCIM,
    /** Claim rules at SSO login. */
    SSO
}
