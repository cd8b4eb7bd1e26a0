package io.rollcall.domain.sso;

import java.time.Instant;
import java.util.List;

/** Session signing keys. */
public interface SigningKeyRepository {

    /** Keys that retire after {@code since}, newest first. */
    List<SigningKeyRecord> retiringAfter(Instant since);

    void add(SigningKeyRecord key);
}
