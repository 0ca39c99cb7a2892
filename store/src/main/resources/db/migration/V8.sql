-- V8: Secrets Manager. One row per secret; a secret scheduled for deletion keeps its row (and its name) until its
-- recovery window ends (delete_after), when housekeeping removes it. Metadata is written by the Secrets Manager
-- operations and the rotation driver, compare-and-set on revision. Times are epoch milliseconds.
CREATE TABLE secrets (
  arn             TEXT PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  description     TEXT,
  kms_key_id      TEXT,
  created_at      INTEGER NOT NULL,
  last_changed_at INTEGER NOT NULL,
  deleted_at      INTEGER,
  delete_after    INTEGER,
  rotation        TEXT NOT NULL,
  revision        INTEGER NOT NULL
);
CREATE INDEX secrets_by_delete_after ON secrets (delete_after) WHERE delete_after IS NOT NULL;

-- A version's value, sealed by store/crypto's Envelope (context: secret ARN + "|" + version id): never plaintext.
-- Inserted once (PutSecretValue, CreateSecret, UpdateSecret with a value); removed with its secret or when pruned.
CREATE TABLE secret_versions (
  secret_arn TEXT NOT NULL REFERENCES secrets(arn) ON DELETE CASCADE,
  version_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  sealed     BLOB NOT NULL,
  PRIMARY KEY (secret_arn, version_id)
);

-- Staging labels: one version per label and secret (the primary key says so).
CREATE TABLE secret_stages (
  secret_arn TEXT NOT NULL,
  stage      TEXT NOT NULL,
  version_id TEXT NOT NULL,
  PRIMARY KEY (secret_arn, stage),
  FOREIGN KEY (secret_arn, version_id) REFERENCES secret_versions (secret_arn, version_id) ON DELETE CASCADE
);

CREATE TABLE secret_tags (
  secret_arn TEXT NOT NULL REFERENCES secrets(arn) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  PRIMARY KEY (secret_arn, key)
);
