/** SCIM filters: parsing (around SCIMple's grammar) and translation into parameterised JPA Criteria predicates. */
package io.rollcall.scim.filter;
