/** End-to-end tests of the web console in headless Chromium against the real bundle and a real Keycloak. */
package io.rollcall.it.console;
