/** The audit log: who changed what, through the admin API, SCIM or SSO. */
package io.rollcall.domain.audit;
