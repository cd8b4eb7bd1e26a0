package io.rollcall.domain.group;

/** Fixed when a group is created and never changed. */
public enum MembershipType {
    /** Members are added and removed by owners through the admin API. */
    STATIC,
    /** Members come from the IdP: SCIM Groups pushes and SSO claim rules. */
    DYNAMIC
}
