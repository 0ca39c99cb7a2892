-- V4: ECS services, their deployments and events, and the scheduler's marks on the tasks it runs.
-- services: spec (JSON) is written by CreateService/UpdateService; status ACTIVE -> DRAINING (DeleteService)
-- -> INACTIVE (the scheduler). Only one ACTIVE or DRAINING service per name and cluster.
CREATE TABLE services (
  arn          TEXT PRIMARY KEY,
  cluster_name TEXT NOT NULL,
  name         TEXT NOT NULL,
  status       TEXT NOT NULL,
  launch_type  TEXT,
  created_at   INTEGER NOT NULL,
  client_token TEXT,
  spec         TEXT NOT NULL
);
CREATE INDEX services_by_cluster ON services (cluster_name, status, created_at, name);
CREATE UNIQUE INDEX services_by_token ON services (cluster_name, client_token) WHERE client_token IS NOT NULL;

-- body: the Deployment record (JSON). Inserted by CreateService/UpdateService or a rollback; progress (counts,
-- status, rolloutState) written by the scheduler only.
CREATE TABLE deployments (
  id          TEXT PRIMARY KEY,
  service_arn TEXT NOT NULL REFERENCES services(arn) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  body        TEXT NOT NULL
);
CREATE INDEX deployments_by_service ON deployments (service_arn, created_at);

-- Newest first by seq; at most 100 kept per service (older ones are deleted on insert).
CREATE TABLE service_events (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  service_arn TEXT NOT NULL REFERENCES services(arn) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  message     TEXT NOT NULL
);
CREATE INDEX service_events_by_service ON service_events (service_arn, seq);

-- What the scheduler has decided about a task of one of its services, so a restart resumes it: when the task
-- first counted as healthy, whether its targets are registered, when their draining began.
CREATE TABLE service_task_marks (
  task_id          TEXT PRIMARY KEY,
  service_arn      TEXT NOT NULL REFERENCES services(arn) ON DELETE CASCADE,
  healthy_at       INTEGER,
  registered_at    INTEGER,
  drain_started_at INTEGER
);
CREATE INDEX service_task_marks_by_service ON service_task_marks (service_arn);

-- A service's tasks (group 'service:NAME') without scanning the cluster's.
CREATE INDEX tasks_by_group ON tasks (cluster_name, task_group, phase);
