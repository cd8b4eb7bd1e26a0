/** A workspace's SSO connection (SAML 2.0 or OIDC) as stored; validation lives in io.rollcall.security. */
package io.rollcall.domain.sso;
