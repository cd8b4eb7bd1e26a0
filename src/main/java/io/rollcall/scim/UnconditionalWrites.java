package io.rollcall.scim;

import io.rollcall.application.CommitFailures;
import java.util.function.Supplier;

/**
 * Runs a SCIM write again when it lost an optimistic lock to a concurrent writer and the client sent no
 * {@code If-Match}: without a precondition the client asked for the change to be applied to whatever the resource is
 * now (RFC 7644 section 3.14 makes versioning the client's choice), so a lost race is the server's to resolve, not a
 * 412. Entra ID, for one, sends PATCHes of one group (adding different members) in parallel. With {@code If-Match}
 * the loser still gets 412, as RFC 7232 requires.
 */
final class UnconditionalWrites {

    /** Attempts in all, the first included; the last loss is answered as before (412). */
    static final int ATTEMPTS = 4;

    private UnconditionalWrites() {}

    /**
     * @param ifMatch the request's {@code If-Match} header, or null
     * @param write one whole write, in a transaction of its own, safe to repeat
     * @return what the write returned
     * @throws RuntimeException what the write threw, when it was not a lost race, or was conditional, or lost
     *     {@link #ATTEMPTS} times
     */
    static <T> T retryLostRaces(String ifMatch, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException failure) {
                if (ifMatch != null || attempt >= ATTEMPTS || !CommitFailures.lostOptimisticLock(failure)) {
                    throw failure;
                }
            }
        }
    }
}
