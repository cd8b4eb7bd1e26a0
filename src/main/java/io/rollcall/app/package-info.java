/**
 * The web entry wiring: the JAX-RS applications (admin API, SCIM, SSO, well-known) and the servlet filter that keeps
 * container-level errors in each protocol's format.
 */
package io.rollcall.app;
