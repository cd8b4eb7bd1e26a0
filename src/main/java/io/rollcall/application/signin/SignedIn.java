package io.rollcall.application.signin;

import java.time.Duration;

/** A completed sign-in: the session JWT for the {@code rollcall_session} cookie and how long it lives. */
public record SignedIn(String session, Duration lifetime, String workspaceId) {

    @Override
    public String toString() {
        return "SignedIn[workspace=" + workspaceId + "]";
    }
}
