package io.rollcall.application;

import io.rollcall.domain.audit.AuditEvent.ActorType;

/** Who performs a change, as the audit log records it. */
public record Actor(ActorType type, String id, String label) {

    public static Actor account(String accountId, String email) {
        return new Actor(ActorType.ACCOUNT, accountId, email);
    }

    public static Actor scimToken(String tokenId, String tokenName) {
        return new Actor(ActorType.SCIM_TOKEN, tokenId, tokenName);
    }

    public static Actor sso(String memberId, String label) {
        return new Actor(ActorType.SSO, memberId, label);
    }

    public static Actor system(String what) {
        return new Actor(ActorType.SYSTEM, what, what);
    }
}
