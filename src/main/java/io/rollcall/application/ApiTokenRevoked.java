package io.rollcall.application;

/** Fired (CDI event) in the transaction that revokes a personal API token, so that no node keeps trusting it. */
public record ApiTokenRevoked(String tokenId) {}
