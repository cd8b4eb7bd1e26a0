/** Encryption of secrets at rest (OIDC client secrets, session signing keys) under ROLLCALL_SECRET_KEY. */
package io.rollcall.security.crypto;
