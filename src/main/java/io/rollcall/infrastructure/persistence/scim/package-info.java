/**
 * SCIM list queries in the database: the SCIM attribute to column mapping, filters translated into parameterised JPA
 * Criteria predicates, and {@link io.rollcall.infrastructure.persistence.scim.JpaScimDirectory}.
 */
package io.rollcall.infrastructure.persistence.scim;
