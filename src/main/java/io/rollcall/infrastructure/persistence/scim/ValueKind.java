package io.rollcall.infrastructure.persistence.scim;

/** The SCIM data types our filterable attributes have (RFC 7643 section 2.3), as far as filters care. */
public enum ValueKind {
    STRING,
    BOOLEAN,
    DATE_TIME
}
