/** SCIM 2.0 at {@code /scim/v2} on Apache SCIMple: authentication, resources, repositories and error mapping. */
package io.rollcall.scim;
