/**
 * SSO use cases: the connection admin API; logins through the {@code SsoLogin} facade over one class per protocol
 * ({@code SamlLogin}, {@code OidcLogin}) and the shared {@code LoginFinisher}; linking the IdP identity to a member
 * (invite, JIT), syncing SSO-source group memberships from claim rules, and Rollcall session tokens.
 */
package io.rollcall.application.sso;
