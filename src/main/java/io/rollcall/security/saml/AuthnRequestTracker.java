package io.rollcall.security.saml;

/**
 * Remembers the AuthnRequest ids Rollcall issued. Implementations must be shared by all instances of a cluster and
 * atomic: a request id can be consumed once.
 */
@FunctionalInterface
public interface AuthnRequestTracker {

    /**
     * @return true if Rollcall issued this request id, it has not expired and was not consumed before; it is consumed
     *     by this call
     */
    boolean consume(String requestId);
}
