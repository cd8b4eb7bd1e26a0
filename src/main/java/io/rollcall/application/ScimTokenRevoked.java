package io.rollcall.application;

/** Fired (CDI event) in the transaction that revokes a SCIM token, so that no node keeps trusting it once committed. */
public record ScimTokenRevoked(String tokenId) {}
