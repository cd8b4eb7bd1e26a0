package io.rollcall.domain.group;

/** Who created a group. */
public enum GroupOrigin {
    ADMIN,
    SCIM
}
