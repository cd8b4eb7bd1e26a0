/** SCIM PATCH (RFC 7644 section 3.5.2 and Entra's variants) applied to a resource's JSON form. */
package io.rollcall.scim.patch;
