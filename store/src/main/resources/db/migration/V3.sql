-- V3: the observed half of a task in columns, so a runner's report writes only what it changed:
-- phase and stopped_at (already columns), health, containers (JSON array), and observed (JSON: the sandbox,
-- its network attachment and the lifecycle timestamps; no longer the phase, health or containers).
ALTER TABLE tasks ADD COLUMN health TEXT NOT NULL DEFAULT 'UNKNOWN';
ALTER TABLE tasks ADD COLUMN containers TEXT NOT NULL DEFAULT '[]';
UPDATE tasks SET health = COALESCE(json_extract(observed, '$.healthStatus'), 'UNKNOWN'),
  containers = COALESCE(json_extract(observed, '$.containers'), '[]'),
  observed = json_remove(observed, '$.phase', '$.healthStatus', '$.containers');

-- ListTasks pages in (created_at, task_id) order straight off the index, with no sort.
DROP INDEX tasks_by_cluster;
CREATE INDEX tasks_by_cluster ON tasks (cluster_name, desired_status, created_at, task_id);

-- RunTask's clientToken look-up (idempotency) without scanning the cluster's tasks.
CREATE INDEX tasks_by_client_token ON tasks (cluster_name, client_token) WHERE client_token IS NOT NULL;
