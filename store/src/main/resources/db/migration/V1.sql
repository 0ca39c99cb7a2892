-- V1: ECS clusters, task definitions, tasks, tags, and installation settings.
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE clusters (
  name       TEXT PRIMARY KEY,
  arn        TEXT NOT NULL UNIQUE,
  status     TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  body       TEXT NOT NULL
);

CREATE TABLE task_definitions (
  family        TEXT NOT NULL,
  revision      INTEGER NOT NULL,
  arn           TEXT NOT NULL UNIQUE,
  status        TEXT NOT NULL,
  registered_at INTEGER NOT NULL,
  body          TEXT NOT NULL,
  PRIMARY KEY (family, revision)
);

-- The highest revision ever issued per family, kept even after revisions are deleted.
CREATE TABLE task_definition_families (
  family        TEXT PRIMARY KEY,
  last_revision INTEGER NOT NULL
);

-- spec: immutable; desired_*: the stop decision (one writer, moves RUNNING -> STOPPED once);
-- observed: the task runner's observations (one writer). version: +1 on every change.
CREATE TABLE tasks (
  task_id         TEXT PRIMARY KEY,
  arn             TEXT NOT NULL UNIQUE,
  cluster_name    TEXT NOT NULL,
  family          TEXT NOT NULL,
  started_by      TEXT,
  task_group      TEXT NOT NULL,
  launch_type     TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  client_token    TEXT,
  spec            TEXT NOT NULL,
  desired_status  TEXT NOT NULL,
  desired         TEXT NOT NULL,
  phase           TEXT NOT NULL,
  stopped_at      INTEGER,
  observed        TEXT NOT NULL,
  version         INTEGER NOT NULL
);
CREATE INDEX tasks_by_cluster ON tasks (cluster_name, desired_status, created_at);
CREATE INDEX tasks_by_phase ON tasks (phase);

CREATE TABLE tags (
  resource_arn TEXT NOT NULL,
  tag_key      TEXT NOT NULL,
  tag_value    TEXT NOT NULL,
  PRIMARY KEY (resource_arn, tag_key)
);
