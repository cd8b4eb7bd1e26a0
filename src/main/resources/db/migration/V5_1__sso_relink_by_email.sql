-- Moving a workspace to another IdP (OIDC to SAML, another issuer or tenant) changes every member's subject. With
-- this set on the new connection, a login whose verified e-mail matches a member bound to another subject re-binds
-- that member instead of refusing it (409 subject-mismatch); owners turn it off once everyone has logged in again.
ALTER TABLE sso_connection ADD COLUMN relink_by_email BOOLEAN DEFAULT FALSE NOT NULL;
