/**
 * SCIM use cases: one transaction per request, audit with the SCIM token as actor, SCIM-source memberships only.
 * Also the SCIM-typed refusal ({@link io.rollcall.application.scim.ScimProblem}), a validated list request
 * ({@link io.rollcall.application.scim.SearchSpec}) and the port that runs it
 * ({@link io.rollcall.application.scim.ScimDirectory}), so that the web layer, filter parsing and persistence share
 * them without depending on each other.
 */
package io.rollcall.application.scim;
