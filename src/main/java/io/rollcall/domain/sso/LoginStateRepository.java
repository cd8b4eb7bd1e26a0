package io.rollcall.domain.sso;

import java.time.Instant;
import java.util.Optional;

/** Started logins, shared by every instance. */
public interface LoginStateRepository {

    void add(LoginState state);

    /**
     * Reads and deletes the state in one step: only the caller whose delete removed the row gets it, so a state is
     * used at most once even when two instances race.
     */
    Optional<LoginState> take(String idHash);

    /** Deletes states that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
