/**
 * Rollcall's own session JWTs (Nimbus, ES256): issued after an SSO login, accepted by the admin API as bearer tokens,
 * signed by rotating keys whose public halves are published at {@code /.well-known/jwks.json}.
 */
package io.rollcall.security.session;
