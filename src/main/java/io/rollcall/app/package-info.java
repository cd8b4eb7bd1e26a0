/** JAX-RS applications: the admin API and the SCIM server. */
package io.rollcall.app;
