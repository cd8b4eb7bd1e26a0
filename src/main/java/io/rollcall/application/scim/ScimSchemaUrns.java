package io.rollcall.application.scim;

/** The schema URNs of the SCIM resources Rollcall serves (RFC 7643 sections 4.1, 4.2 and 4.3). */
public final class ScimSchemaUrns {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private ScimSchemaUrns() {}
}
