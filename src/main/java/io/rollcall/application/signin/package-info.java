/**
 * Signing people in without an IdP: accepting an e-mailed invite link, e-mailed one-time sign-in links (magic links)
 * and the bootstrap owner's first link. Each ends in the same {@code rollcall_session} as an SSO login.
 */
package io.rollcall.application.signin;
