/**
 * A workspace's SSO connection (SAML 2.0 or OIDC) as stored, plus the SSO state every instance must share: started
 * logins, used SAML assertion ids and session signing keys. Validation lives in io.rollcall.security.
 */
package io.rollcall.domain.sso;
