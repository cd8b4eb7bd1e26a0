package io.rollcall.domain.identity;

/** Stored states of an invite. "Expired" is not stored: it is a pending invite past its expiry. */
public enum InviteStatus {
    PENDING,
    ACCEPTED,
    REVOKED
}
