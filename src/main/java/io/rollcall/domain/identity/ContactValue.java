package io.rollcall.domain.identity;

/** A multi-valued contact attribute entry (email or phone number) as SCIM carries it. */
public record ContactValue(String value, String type, String display, boolean primary) {}
