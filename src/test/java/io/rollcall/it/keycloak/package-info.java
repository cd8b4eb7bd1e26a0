/**
 * Test harness around a real Keycloak (the Maven Central distribution unpacked by the build): starting it once per
 * JVM, driving its admin REST API, and logging in through OIDC and SAML without a browser.
 */
package io.rollcall.it.keycloak;
