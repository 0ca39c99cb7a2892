-- V6: traffic shifts of BLUE_GREEN, LINEAR and CANARY deployments.
-- body: the TrafficShift record (JSON), written by the service scheduler only. hook_id / hook_action: the answer
-- ContinueServiceDeployment gave to the PAUSE hook the deployment awaits (written by that API only).
CREATE TABLE traffic_shifts (
  deployment_id TEXT PRIMARY KEY REFERENCES deployments(id) ON DELETE CASCADE,
  service_arn   TEXT NOT NULL REFERENCES services(arn) ON DELETE CASCADE,
  body          TEXT NOT NULL,
  hook_id       TEXT,
  hook_action   TEXT
);
CREATE INDEX traffic_shifts_by_service ON traffic_shifts (service_arn);
