package io.rollcall.scim;

import io.rollcall.application.Actor;
import io.rollcall.application.scim.ScimCaller;
import io.rollcall.domain.shared.UnauthenticatedException;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated SCIM caller of the current request: the token, and through it the one visible workspace. */
@RequestScoped
public class ScimContext {

    private ScimCaller caller;

    void authenticate(ScimCaller authenticated) {
        this.caller = authenticated;
    }

    /** @throws UnauthenticatedException when the request carried no valid token (the auth filter ran first) */
    public ScimCaller caller() {
        if (caller == null) {
            throw new UnauthenticatedException("a SCIM bearer token is required");
        }
        return caller;
    }

    public String workspaceId() {
        return caller().workspaceId();
    }

    public Actor actor() {
        return caller().actor();
    }
}
