-- The SCIM User multi-valued attributes Rollcall stores and returns but never acts on (RFC 7643 section 4.1.2:
-- roles, entitlements, ims, photos, x509Certificates), as one validated JSON object per member. Entra sends "roles"
-- when app roles are mapped; they are data about the user, never a Rollcall role.
ALTER TABLE member ADD COLUMN stored_values_json TEXT;
