/**
 * SCIM 2.0 at {@code /scim/v2}: Rollcall's own resources, authentication and error mapping; SCIMple supplies the
 * filter grammar and the service provider configuration model (docs/design.md, "SCIM stack").
 */
package io.rollcall.scim;
