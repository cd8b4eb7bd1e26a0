/**
 * SSO use cases: the connection admin API, starting and finishing logins (SAML and OIDC), linking the IdP identity to a
 * member (invite, JIT), syncing SSO-source group memberships from claim rules, and Rollcall session tokens.
 */
package io.rollcall.application.sso;
