-- V7: SSM Parameter Store. A parameter is its name and latest version; every version is a row of its own (up to
-- 100 are kept). value holds a String or StringList value; sealed holds a SecureString's, sealed by store/crypto's
-- Envelope with the context "<parameter ARN>#<version>", so the database never holds a SecureString in plaintext.
-- Labels point at one version each (a label moves between versions); tags belong to the parameter.
CREATE TABLE ssm_parameters (
  name   TEXT PRIMARY KEY,
  latest INTEGER NOT NULL,
  tier   TEXT NOT NULL
);
CREATE TABLE ssm_parameter_versions (
  name            TEXT NOT NULL REFERENCES ssm_parameters(name) ON DELETE CASCADE,
  version         INTEGER NOT NULL,
  type            TEXT NOT NULL,
  value           TEXT,
  sealed          BLOB,
  key_id          TEXT,
  tier            TEXT NOT NULL,
  data_type       TEXT NOT NULL,
  description     TEXT,
  allowed_pattern TEXT,
  modified_at     INTEGER NOT NULL,
  modified_by     TEXT NOT NULL,
  PRIMARY KEY (name, version),
  CHECK ((value IS NULL) <> (sealed IS NULL))
);
CREATE TABLE ssm_labels (
  name    TEXT NOT NULL,
  label   TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (name, label),
  FOREIGN KEY (name, version) REFERENCES ssm_parameter_versions(name, version) ON DELETE CASCADE
);
CREATE TABLE ssm_tags (
  name  TEXT NOT NULL REFERENCES ssm_parameters(name) ON DELETE CASCADE,
  key   TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (name, key)
);
