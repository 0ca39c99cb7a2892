-- V2: CloudWatch Logs: log groups, log streams and their events.
-- Times are epoch milliseconds (the Logs API's unit) unless the column name says nanos.
CREATE TABLE log_groups (
  name           TEXT PRIMARY KEY,
  arn            TEXT NOT NULL UNIQUE,
  created_at     INTEGER NOT NULL,
  retention_days INTEGER,
  stored_bytes   INTEGER NOT NULL DEFAULT 0
);

-- first/last_event_ts and last_ingestion_ts stay NULL until the stream has events.
-- upload_sequence: +1 per accepted upload, the wire's (ignored) sequence token is derived from it.
CREATE TABLE log_streams (
  group_name        TEXT NOT NULL REFERENCES log_groups(name) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  first_event_ts    INTEGER,
  last_event_ts     INTEGER,
  last_ingestion_ts INTEGER,
  upload_sequence   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (group_name, name)
);

-- id is the global ingestion order and the tie-breaker after ts_ms in every read.
-- ts_nanos: the full-precision event time in epoch nanos when known (captured container output), else NULL.
-- Log capture resumes after a restart from the newest one. (No semicolons in comments: the migration runner
-- splits statements on a semicolon at the end of a line.)
CREATE TABLE log_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  group_name   TEXT NOT NULL,
  stream_name  TEXT NOT NULL,
  ts_ms        INTEGER NOT NULL,
  ts_nanos     INTEGER,
  ingestion_ms INTEGER NOT NULL,
  message      TEXT NOT NULL,
  FOREIGN KEY (group_name, stream_name) REFERENCES log_streams(group_name, name) ON DELETE CASCADE
);
CREATE INDEX log_events_by_stream ON log_events (group_name, stream_name, ts_ms, id);
CREATE INDEX log_events_by_group ON log_events (group_name, ts_ms, id);
