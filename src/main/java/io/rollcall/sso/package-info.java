/**
 * The browser-facing SSO endpoints at {@code /sso/{ws}/...} (login, SAML metadata and ACS, OIDC callback) and the
 * session keys at {@code /.well-known/jwks.json}. Thin: cookies and redirects here, the flows in
 * io.rollcall.application.sso. Errors are small HTML or JSON pages with a reason and the request id, never a trace.
 */
package io.rollcall.sso;
