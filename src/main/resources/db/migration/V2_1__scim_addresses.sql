-- SCIM User addresses (RFC 7643 section 4.1.2), kept as one validated JSON array per member: they are shown and
-- replaced as a whole and never filtered on, so a child table would add joins for nothing.
ALTER TABLE member ADD COLUMN addresses_json TEXT;
