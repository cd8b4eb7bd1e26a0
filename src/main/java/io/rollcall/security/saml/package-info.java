/**
 * Rollcall as a SAML 2.0 service provider on OpenSAML 3: validating IdP responses (signature by configured keys only,
 * signature-wrapping defence, conditions, replay), building AuthnRequests for the HTTP-Redirect binding, and reading
 * and writing metadata. No javax.servlet binding classes are used.
 */
package io.rollcall.security.saml;
