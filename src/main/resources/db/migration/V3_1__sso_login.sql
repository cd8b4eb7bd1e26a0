-- SSO login (issue 4, phase 2): state that must be shared by every instance of a cluster lives here, never in one
-- instance's memory. Same script on H2 and MariaDB; times are DATETIME(3) UTC.

-- One login attempt between GET /sso/{ws}/login and the ACS/callback. The browser holds a random value in an
-- HttpOnly cookie; only its SHA-256 is stored, so reading this table does not let anyone finish someone's login.
-- Consumed by DELETE (one use): whoever deletes the row first owns the attempt.
CREATE TABLE sso_login_state (
    id                  CHAR(64)      NOT NULL,
    workspace_id        VARCHAR(63)   NOT NULL,
    protocol            VARCHAR(8)    NOT NULL,
    saml_request_id     VARCHAR(64),
    oidc_state          VARCHAR(64),
    oidc_nonce          VARCHAR(64),
    pkce_verifier       VARCHAR(128),
    return_url          VARCHAR(2048) NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    expires_at          DATETIME(3)   NOT NULL,
    CONSTRAINT pk_sso_login_state PRIMARY KEY (id),
    CONSTRAINT ck_sso_login_state_protocol CHECK (protocol IN ('SAML', 'OIDC')),
    CONSTRAINT fk_sso_login_state_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_sso_login_state_expiry ON sso_login_state (expires_at);

-- SAML assertion ids already used (replay cache). The primary key makes "first use" an atomic insert.
-- Kept until the assertion would have expired anyway.
CREATE TABLE saml_assertion_use (
    issuer_hash         CHAR(64)      NOT NULL,
    assertion_id        VARCHAR(255)  NOT NULL,
    workspace_id        VARCHAR(63)   NOT NULL,
    expires_at          DATETIME(3)   NOT NULL,
    CONSTRAINT pk_saml_assertion_use PRIMARY KEY (issuer_hash, assertion_id)
) ${tableOptions};
CREATE INDEX ix_saml_assertion_use_expiry ON saml_assertion_use (expires_at);

-- Keys that sign Rollcall session JWTs. The newest key signs until it is older than the rotation period; retired
-- keys keep verifying (and stay in /.well-known/jwks.json) until every session they signed has expired.
-- private_jwk is AES-256-GCM ciphertext under ROLLCALL_SECRET_KEY when that is set (private_encrypted = TRUE).
CREATE TABLE session_signing_key (
    kid                 VARCHAR(64)   NOT NULL,
    algorithm           VARCHAR(8)    NOT NULL,
    public_jwk          TEXT          NOT NULL,
    private_jwk         TEXT          NOT NULL,
    private_encrypted   BOOLEAN       NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    retires_at          DATETIME(3)   NOT NULL,
    CONSTRAINT pk_session_signing_key PRIMARY KEY (kid)
) ${tableOptions};
CREATE INDEX ix_session_signing_key_created ON session_signing_key (created_at);
