-- V9: IAM and STS. Users, roles and customer-managed policies keep their record as JSON in body; the columns
-- beside it are what look-ups and uniqueness need. Names are unique case-insensitively, as in IAM. owner_arn is a
-- user's or a role's ARN. Secret access keys and session tokens are sealed (store/crypto's Envelope, bound to the
-- key id), never plaintext.
CREATE TABLE iam_users (
  name TEXT PRIMARY KEY COLLATE NOCASE,
  arn  TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
);
CREATE TABLE iam_roles (
  name TEXT PRIMARY KEY COLLATE NOCASE,
  arn  TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
);
CREATE TABLE iam_access_keys (
  id         TEXT PRIMARY KEY,
  user_name  TEXT NOT NULL REFERENCES iam_users(name),
  secret     BLOB NOT NULL,
  status     TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX iam_access_keys_by_user ON iam_access_keys (user_name);
CREATE TABLE iam_inline_policies (
  owner_arn TEXT NOT NULL,
  name      TEXT NOT NULL,
  document  TEXT NOT NULL,
  PRIMARY KEY (owner_arn, name)
);
CREATE TABLE iam_policies (
  arn  TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  body TEXT NOT NULL
);
CREATE TABLE iam_attachments (
  owner_arn  TEXT NOT NULL,
  policy_arn TEXT NOT NULL,
  PRIMARY KEY (owner_arn, policy_arn)
);
CREATE INDEX iam_attachments_by_policy ON iam_attachments (policy_arn);
CREATE TABLE iam_sessions (
  access_key_id  TEXT PRIMARY KEY,
  secret         BLOB NOT NULL,
  token          BLOB NOT NULL,
  role_arn       TEXT NOT NULL,
  session_arn    TEXT NOT NULL,
  session_policy TEXT,
  expires_at     INTEGER NOT NULL
);
CREATE INDEX iam_sessions_by_expiry ON iam_sessions (expires_at);
