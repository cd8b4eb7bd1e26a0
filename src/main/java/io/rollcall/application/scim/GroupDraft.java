package io.rollcall.application.scim;

/** The group attributes SCIM may write besides members. Role and membership type are out of SCIM's reach. */
public record GroupDraft(String displayName, String externalId) {}
