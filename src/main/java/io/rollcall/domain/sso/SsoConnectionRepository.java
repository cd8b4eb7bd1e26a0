package io.rollcall.domain.sso;

import java.util.Optional;

/** Storage of the one SSO connection per workspace. */
public interface SsoConnectionRepository {

    Optional<SsoConnection> find(String workspaceId);

    void add(SsoConnection connection);

    void remove(SsoConnection connection);
}
