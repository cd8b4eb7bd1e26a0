/**
 * Claim mapping as pure logic: turns the claims of one SSO login into the set of DYNAMIC groups whose claim rules
 * match, with no knowledge of SAML, OIDC transport, HTTP or persistence.
 */
package io.rollcall.domain.mapping;
