-- V12: AWS Cloud Map (servicediscovery). Namespaces (names unique in the account: a namespace's name is also the
-- HttpName DiscoverInstances looks it up by), services in a namespace (a DNS config as "TYPE:TTL,..." records and
-- a routing policy; health checking as a kind and its settings), instances per service (attributes as a JSON
-- object), asynchronous operations and tags by ARN. revision counts every change of a service's instances
-- (DiscoverInstancesRevision).
CREATE TABLE sd_namespaces (
  id                 TEXT PRIMARY KEY,
  arn                TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL UNIQUE,
  type               TEXT NOT NULL,
  description        TEXT,
  vpc                TEXT,
  soa_ttl            INTEGER,
  creator_request_id TEXT,
  created_at         INTEGER NOT NULL
);
CREATE TABLE sd_services (
  id                 TEXT PRIMARY KEY,
  arn                TEXT NOT NULL UNIQUE,
  namespace_id       TEXT NOT NULL REFERENCES sd_namespaces(id),
  name               TEXT NOT NULL,
  description        TEXT,
  dns_policy         TEXT,
  dns_records        TEXT,
  health_kind        TEXT NOT NULL,
  health_type        TEXT,
  health_path        TEXT,
  health_threshold   INTEGER,
  type               TEXT NOT NULL,
  creator_request_id TEXT,
  created_at         INTEGER NOT NULL,
  revision           INTEGER NOT NULL DEFAULT 1,
  UNIQUE (namespace_id, name)
);
CREATE TABLE sd_instances (
  service_id         TEXT NOT NULL REFERENCES sd_services(id),
  instance_id        TEXT NOT NULL,
  attributes         TEXT NOT NULL,
  creator_request_id TEXT,
  health             TEXT NOT NULL,
  registered_at      INTEGER NOT NULL,
  PRIMARY KEY (service_id, instance_id)
);
CREATE TABLE sd_operations (
  id                 TEXT PRIMARY KEY,
  type               TEXT NOT NULL,
  status             TEXT NOT NULL,
  targets            TEXT NOT NULL,
  error_code         TEXT,
  error_message      TEXT,
  creator_request_id TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX sd_operations_open ON sd_operations(status) WHERE status IN ('SUBMITTED', 'PENDING');
CREATE INDEX sd_operations_creator ON sd_operations(creator_request_id) WHERE creator_request_id IS NOT NULL;
CREATE TABLE sd_tags (
  arn   TEXT NOT NULL,
  key   TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (arn, key)
);
