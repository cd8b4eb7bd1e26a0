-- Invitations that reach people and sign-in without SSO (issue 9). Same script on H2 and MariaDB; times are
-- DATETIME(3) UTC.

-- Transactional outbox: a message is inserted in the same transaction as the invite or sign-in link it carries, and
-- sent after commit by whichever instance claims it first. The claim is a lease (lease_owner, lease_until) taken with
-- one conditional UPDATE, which works the same on H2 and MariaDB: an instance that crashes mid-send loses its lease and
-- another instance retries the message. The bodies hold a one-time link and are erased once the message is sent or
-- given up.
CREATE TABLE mail_outbox (
    id                  CHAR(36)      NOT NULL,
    workspace_id        VARCHAR(63),
    kind                VARCHAR(16)   NOT NULL,
    subject_id          CHAR(36),
    recipient           VARCHAR(320)  NOT NULL,
    subject             VARCHAR(400)  NOT NULL,
    text_body           TEXT,
    html_body           TEXT,
    status              VARCHAR(10)   NOT NULL,
    attempts            INT           DEFAULT 0 NOT NULL,
    last_error          VARCHAR(1000),
    next_attempt_at     DATETIME(3)   NOT NULL,
    give_up_at          DATETIME(3)   NOT NULL,
    lease_owner         VARCHAR(64),
    lease_until         DATETIME(3),
    created_at          DATETIME(3)   NOT NULL,
    sent_at             DATETIME(3),
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'CANCELLED')),
    CONSTRAINT ck_mail_outbox_kind CHECK (kind IN ('INVITE', 'SIGN_IN'))
) ${tableOptions};
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_subject ON mail_outbox (subject_id, status);

-- What the admin API shows of an invite's e-mail: NULL when e-mail is off (the owner got the link instead).
ALTER TABLE invite ADD COLUMN delivery_state VARCHAR(8);
ALTER TABLE invite ADD COLUMN delivery_detail VARCHAR(1000);
ALTER TABLE invite ADD COLUMN delivery_at DATETIME(3);

-- sso.required: e-mail sign-in into this workspace is refused, except for break-glass owners.
ALTER TABLE workspace ADD COLUMN sso_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE member ADD COLUMN break_glass BOOLEAN DEFAULT FALSE NOT NULL;

-- One-time sign-in links (e-mailed magic links and the bootstrap owner's link). Only the SHA-256 of the token is
-- stored; used_at is set by one conditional UPDATE, so a link signs in at most once even under concurrent clicks.
CREATE TABLE sign_in_link (
    id                  CHAR(36)      NOT NULL,
    token_hash          CHAR(64)      NOT NULL,
    account_id          CHAR(36)      NOT NULL,
    workspace_id        VARCHAR(63)   NOT NULL,
    purpose             VARCHAR(10)   NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    expires_at          DATETIME(3)   NOT NULL,
    used_at             DATETIME(3),
    CONSTRAINT pk_sign_in_link PRIMARY KEY (id),
    CONSTRAINT uq_sign_in_link_token UNIQUE (token_hash),
    CONSTRAINT ck_sign_in_link_purpose CHECK (purpose IN ('EMAIL', 'BOOTSTRAP')),
    CONSTRAINT fk_sign_in_link_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_sign_in_link_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ${tableOptions};
CREATE INDEX ix_sign_in_link_purpose ON sign_in_link (purpose, workspace_id, created_at);
