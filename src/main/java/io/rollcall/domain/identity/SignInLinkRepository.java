package io.rollcall.domain.identity;

import java.time.Instant;
import java.util.Optional;

/** Storage of one-time sign-in links. */
public interface SignInLinkRepository {

    void add(SignInLink link);

    Optional<SignInLink> findByTokenHash(String tokenHash);

    /** The newest link of this purpose into the workspace, if any. */
    Optional<SignInLink> latest(SignInLink.Purpose purpose, String workspaceId);

    /**
     * Marks the link used with one conditional update; true only for the first caller, so a link signs in once even
     * when clicked twice at the same moment on two instances.
     */
    boolean markUsed(String linkId, Instant now);
}
