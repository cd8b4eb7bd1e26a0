/**
 * Rollcall as an OpenID Connect relying party: discovery, a rate-limited JWKS cache, the authorization-code flow with
 * PKCE, state and nonce, and ID token validation by Nimbus's {@code IDTokenValidator} whose rejections carry our
 * reason codes.
 */
package io.rollcall.security.oidc;
