-- Group names are unique per workspace AND membership type: STATIC groups (owners, admin API) and DYNAMIC groups
-- (the IdP's, the only ones SCIM sees) are two name spaces. One shared space let a STATIC "Admins" block an IdP's
-- push of "Admins" with a 409 for a name SCIM cannot see (docs/design.md, "Group names").
ALTER TABLE member_group ADD CONSTRAINT uq_member_group_type_name UNIQUE (workspace_id, membership_type, display_name_lower);
ALTER TABLE member_group DROP CONSTRAINT uq_member_group_name;
