/**
 * The web entry wiring: the JAX-RS applications (admin API, SCIM, SSO, well-known), the servlet filter that keeps
 * container-level errors in each protocol's format, and the HTTP edge in front of them (request-body deadlines and
 * size limits read with servlet async I/O, so slow clients hold no worker thread).
 */
package io.rollcall.app;
