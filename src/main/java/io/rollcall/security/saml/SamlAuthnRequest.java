package io.rollcall.security.saml;

import java.net.URI;
import java.time.Instant;

/**
 * An AuthnRequest ready to send on the HTTP-Redirect binding.
 *
 * @param id the request ID; the caller records it (see {@link AuthnRequestTracker}) to check InResponseTo later
 * @param issueInstant when it was issued
 * @param xml the AuthnRequest document
 * @param redirectUrl the IdP SSO URL with {@code SAMLRequest} (deflated, base64, URL-encoded) and {@code RelayState}
 */
public record SamlAuthnRequest(String id, Instant issueInstant, String xml, URI redirectUrl) {}
