/**
 * Maintenance of the secrets stored encrypted under ROLLCALL_SECRET_KEY: the {@code reencrypt-secrets} command that
 * moves them to the newest key of the ring. Plain JDBC, run outside the application server.
 */
package io.rollcall.infrastructure.secrets;
