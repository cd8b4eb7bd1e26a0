-- Rollcall schema, version 1: the whole workspace-scoped RBAC model (ARCHITECTURE.md section 1).
-- One script for H2 and MariaDB. ${tableOptions} is empty on H2 and sets InnoDB/utf8mb4 with a binary
-- collation on MariaDB: equality is exact everywhere, and case-insensitive uniqueness is carried by the
-- *_lower columns the application fills, so both databases behave the same.
-- Times are DATETIME(3) in UTC (MariaDB TIMESTAMP has a 2038 limit and session time-zone conversions).

CREATE TABLE account (
    id              CHAR(36)      NOT NULL,
    email           VARCHAR(320)  NOT NULL,
    display_name    VARCHAR(255),
    created_at      DATETIME(3)   NOT NULL,
    version         BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_email UNIQUE (email)
) ${tableOptions};

CREATE TABLE workspace (
    id                  VARCHAR(63)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    jit_enabled         BOOLEAN       DEFAULT FALSE NOT NULL,
    jit_role_id         VARCHAR(64)   DEFAULT 'viewer' NOT NULL,
    scim_default_role_id VARCHAR(64)  DEFAULT 'viewer' NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    version             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_workspace PRIMARY KEY (id)
) ${tableOptions};

CREATE TABLE workspace_jit_domain (
    workspace_id    VARCHAR(63)   NOT NULL,
    domain          VARCHAR(253)  NOT NULL,
    CONSTRAINT pk_workspace_jit_domain PRIMARY KEY (workspace_id, domain),
    CONSTRAINT fk_jit_domain_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ${tableOptions};

-- Preset roles are stored per workspace too (preset = TRUE, permissions from code), so that every role
-- reference is a real foreign key.
CREATE TABLE role (
    workspace_id    VARCHAR(63)   NOT NULL,
    id              VARCHAR(64)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    name_lower      VARCHAR(100)  NOT NULL,
    description     VARCHAR(1000),
    preset          BOOLEAN       DEFAULT FALSE NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    version         BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_role PRIMARY KEY (workspace_id, id),
    CONSTRAINT uq_role_name UNIQUE (workspace_id, name_lower),
    CONSTRAINT fk_role_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ${tableOptions};

CREATE TABLE role_permission (
    workspace_id    VARCHAR(63)   NOT NULL,
    role_id         VARCHAR(64)   NOT NULL,
    permission      VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_role_permission PRIMARY KEY (workspace_id, role_id, permission),
    CONSTRAINT fk_role_permission_role FOREIGN KEY (workspace_id, role_id)
        REFERENCES role (workspace_id, id) ON DELETE CASCADE
) ${tableOptions};

-- A member is Account x Workspace and is the SCIM User of that workspace. account_id is NULL for a member
-- provisioned by SCIM without an email until the person first logs in.
CREATE TABLE member (
    id                  CHAR(36)      NOT NULL,
    workspace_id        VARCHAR(63)   NOT NULL,
    account_id          CHAR(36),
    role_id             VARCHAR(64)   NOT NULL,
    user_name           VARCHAR(255)  NOT NULL,
    user_name_lower     VARCHAR(255)  NOT NULL,
    external_id         VARCHAR(255),
    active              BOOLEAN       DEFAULT TRUE NOT NULL,
    origin              VARCHAR(16)   NOT NULL,
    formatted_name      VARCHAR(255),
    family_name         VARCHAR(255),
    given_name          VARCHAR(255),
    middle_name         VARCHAR(255),
    honorific_prefix    VARCHAR(64),
    honorific_suffix    VARCHAR(64),
    display_name        VARCHAR(255),
    nick_name           VARCHAR(255),
    profile_url         VARCHAR(1024),
    title               VARCHAR(255),
    user_type           VARCHAR(64),
    preferred_language  VARCHAR(64),
    locale              VARCHAR(64),
    timezone            VARCHAR(64),
    employee_number     VARCHAR(64),
    cost_center         VARCHAR(255),
    organization        VARCHAR(255),
    division            VARCHAR(255),
    department          VARCHAR(255),
    manager_value       VARCHAR(255),
    manager_display_name VARCHAR(255),
    sso_subject         VARCHAR(512),
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    version             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_member PRIMARY KEY (id),
    CONSTRAINT uq_member_user_name UNIQUE (workspace_id, user_name_lower),
    CONSTRAINT uq_member_account UNIQUE (workspace_id, account_id),
    CONSTRAINT uq_member_sso_subject UNIQUE (workspace_id, sso_subject),
    CONSTRAINT fk_member_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_member_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_member_role FOREIGN KEY (workspace_id, role_id) REFERENCES role (workspace_id, id)
) ${tableOptions};
CREATE INDEX ix_member_external_id ON member (workspace_id, external_id);
CREATE INDEX ix_member_created ON member (workspace_id, created_at, id);
CREATE INDEX ix_member_role ON member (workspace_id, role_id, active);

CREATE TABLE member_email (
    id              CHAR(36)      NOT NULL,
    member_id       CHAR(36)      NOT NULL,
    position        INT           NOT NULL,
    email_value     VARCHAR(320)  NOT NULL,
    value_lower     VARCHAR(320)  NOT NULL,
    email_type      VARCHAR(32),
    display         VARCHAR(255),
    is_primary      BOOLEAN       DEFAULT FALSE NOT NULL,
    CONSTRAINT pk_member_email PRIMARY KEY (id),
    CONSTRAINT fk_member_email_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_member_email_member ON member_email (member_id, position);
CREATE INDEX ix_member_email_value ON member_email (value_lower);

CREATE TABLE member_phone (
    id              CHAR(36)      NOT NULL,
    member_id       CHAR(36)      NOT NULL,
    position        INT           NOT NULL,
    phone_value     VARCHAR(64)   NOT NULL,
    phone_type      VARCHAR(32),
    display         VARCHAR(255),
    is_primary      BOOLEAN       DEFAULT FALSE NOT NULL,
    CONSTRAINT pk_member_phone PRIMARY KEY (id),
    CONSTRAINT fk_member_phone_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_member_phone_member ON member_phone (member_id, position);

CREATE TABLE member_group (
    id                  CHAR(36)      NOT NULL,
    workspace_id        VARCHAR(63)   NOT NULL,
    display_name        VARCHAR(255)  NOT NULL,
    display_name_lower  VARCHAR(255)  NOT NULL,
    description         VARCHAR(1000),
    membership_type     VARCHAR(16)   NOT NULL,
    role_id             VARCHAR(64),
    external_id         VARCHAR(255),
    origin              VARCHAR(16)   NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    version             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_member_group PRIMARY KEY (id),
    CONSTRAINT uq_member_group_name UNIQUE (workspace_id, display_name_lower),
    CONSTRAINT ck_member_group_type CHECK (membership_type IN ('STATIC', 'DYNAMIC')),
    CONSTRAINT fk_member_group_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_member_group_role FOREIGN KEY (workspace_id, role_id) REFERENCES role (workspace_id, id)
) ${tableOptions};
CREATE INDEX ix_member_group_type ON member_group (workspace_id, membership_type, created_at, id);
CREATE INDEX ix_member_group_external_id ON member_group (workspace_id, external_id);

-- One row per (group, member, source): a member is in a group while any source row exists. Rows are added
-- and removed one at a time, so the cost of a change does not depend on the size of the group.
CREATE TABLE group_membership (
    group_id        CHAR(36)      NOT NULL,
    member_id       CHAR(36)      NOT NULL,
    source          VARCHAR(8)    NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    CONSTRAINT pk_group_membership PRIMARY KEY (group_id, member_id, source),
    CONSTRAINT ck_group_membership_source CHECK (source IN ('MANUAL', 'SCIM', 'SSO')),
    CONSTRAINT fk_group_membership_group FOREIGN KEY (group_id) REFERENCES member_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_membership_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_group_membership_member ON group_membership (member_id, group_id);

CREATE TABLE claim_rule (
    id              CHAR(36)      NOT NULL,
    group_id        CHAR(36)      NOT NULL,
    position        INT           NOT NULL,
    claim           VARCHAR(255)  NOT NULL,
    match_type      VARCHAR(8)    NOT NULL,
    match_value     VARCHAR(1024) NOT NULL,
    CONSTRAINT pk_claim_rule PRIMARY KEY (id),
    CONSTRAINT ck_claim_rule_match CHECK (match_type IN ('EQUALS', 'PREFIX', 'REGEX')),
    CONSTRAINT fk_claim_rule_group FOREIGN KEY (group_id) REFERENCES member_group (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_claim_rule_group ON claim_rule (group_id, position);

CREATE TABLE invite (
    id                  CHAR(36)      NOT NULL,
    workspace_id        VARCHAR(63)   NOT NULL,
    email               VARCHAR(320)  NOT NULL,
    role_id             VARCHAR(64)   NOT NULL,
    token_hash          CHAR(64)      NOT NULL,
    status              VARCHAR(10)   NOT NULL,
    expires_at          DATETIME(3)   NOT NULL,
    created_by          CHAR(36),
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    accepted_at         DATETIME(3),
    accepted_member_id  CHAR(36),
    version             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_invite PRIMARY KEY (id),
    CONSTRAINT uq_invite_token UNIQUE (token_hash),
    CONSTRAINT ck_invite_status CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED')),
    CONSTRAINT fk_invite_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ${tableOptions};
-- No foreign key to role: accepted and revoked invites keep the role they offered as history after the role is
-- deleted. Deleting a role that a PENDING invite offers is refused by the application.
CREATE INDEX ix_invite_workspace ON invite (workspace_id, email, status);

-- API tokens belong to an account and carry, in each workspace, that account's member permissions.
CREATE TABLE api_token (
    id              CHAR(36)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    token_hash      CHAR(64)      NOT NULL,
    token_hint      VARCHAR(16)   NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    expires_at      DATETIME(3),
    last_used_at    DATETIME(3),
    revoked_at      DATETIME(3),
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_api_token_account ON api_token (account_id, created_at);

CREATE TABLE scim_token (
    id              CHAR(36)      NOT NULL,
    workspace_id    VARCHAR(63)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    token_hash      CHAR(64)      NOT NULL,
    token_hint      VARCHAR(16)   NOT NULL,
    created_by      CHAR(36),
    created_at      DATETIME(3)   NOT NULL,
    expires_at      DATETIME(3),
    last_used_at    DATETIME(3),
    revoked_at      DATETIME(3),
    CONSTRAINT pk_scim_token PRIMARY KEY (id),
    CONSTRAINT uq_scim_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_scim_token_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_scim_token_workspace ON scim_token (workspace_id, created_at);

-- One SSO connection per workspace. The OIDC client secret is stored encrypted (it must be sent to the IdP),
-- never hashed and never returned by the API.
CREATE TABLE sso_connection (
    workspace_id        VARCHAR(63)   NOT NULL,
    connection_type     VARCHAR(8)    NOT NULL,
    saml_idp_entity_id  VARCHAR(1024),
    saml_sso_url        VARCHAR(2048),
    saml_certificates   TEXT,
    saml_metadata_xml   TEXT,
    oidc_issuer         VARCHAR(1024),
    oidc_client_id      VARCHAR(255),
    oidc_client_secret  TEXT,
    oidc_scopes         VARCHAR(1024),
    groups_claim        VARCHAR(255),
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    version             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_sso_connection PRIMARY KEY (workspace_id),
    CONSTRAINT ck_sso_connection_type CHECK (connection_type IN ('SAML', 'OIDC')),
    CONSTRAINT fk_sso_connection_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ${tableOptions};

CREATE TABLE audit_event (
    id              CHAR(36)      NOT NULL,
    workspace_id    VARCHAR(63),
    occurred_at     DATETIME(3)   NOT NULL,
    actor_type      VARCHAR(16)   NOT NULL,
    actor_id        VARCHAR(255)  NOT NULL,
    actor_label     VARCHAR(320),
    action          VARCHAR(64)   NOT NULL,
    target_type     VARCHAR(32),
    target_id       VARCHAR(255),
    summary         TEXT,
    request_id      VARCHAR(64),
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
) ${tableOptions};
CREATE INDEX ix_audit_event_time ON audit_event (workspace_id, occurred_at, id);
CREATE INDEX ix_audit_event_actor ON audit_event (workspace_id, actor_id, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (workspace_id, action, occurred_at);

-- Singleton-style facts about this installation (for example: the bootstrap has run).
CREATE TABLE installation_fact (
    fact_key        VARCHAR(64)   NOT NULL,
    fact_value      VARCHAR(1024) NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    CONSTRAINT pk_installation_fact PRIMARY KEY (fact_key)
) ${tableOptions};
