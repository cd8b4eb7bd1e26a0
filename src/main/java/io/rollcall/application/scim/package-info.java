/** SCIM use cases: one transaction per request, audit with the SCIM token as actor, SCIM-source memberships only. */
package io.rollcall.application.scim;
