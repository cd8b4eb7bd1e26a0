package io.rollcall.security.oidc;

/**
 * The OIDC provider cannot be used: unreachable, an unexpected HTTP status, an invalid discovery document or JWKS, or
 * an insecure URL. Not the person's fault; the caller shows a generic error and logs this message (which never holds
 * secrets or tokens).
 */
public class OidcProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    public OidcProviderException(String message) {
        super(message);
    }

    public OidcProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
