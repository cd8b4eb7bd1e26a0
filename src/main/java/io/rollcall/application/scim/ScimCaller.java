package io.rollcall.application.scim;

import io.rollcall.application.Actor;

/** Who calls SCIM: a workspace's SCIM token (id and name only; the secret never leaves the authenticator). */
public record ScimCaller(String workspaceId, String tokenId, String tokenName) {

    public Actor actor() {
        return Actor.scimToken(tokenId, tokenName);
    }
}
