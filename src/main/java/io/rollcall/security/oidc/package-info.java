/**
 * Rollcall as an OpenID Connect relying party: discovery, a rate-limited JWKS cache, the authorization-code flow with
 * PKCE, state and nonce, and an ID token validator (Nimbus JOSE+JWT) whose rejections carry a reason code.
 */
package io.rollcall.security.oidc;
