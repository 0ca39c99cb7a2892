-- V4: ELBv2 (load balancers, target groups, listeners, rules, targets, tags). Bodies are the core/lb records as
-- JSON; the columns are what look-ups, uniqueness and consistency need.
CREATE TABLE lb_load_balancers (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE lb_target_groups (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
);

-- A listener port is a port of this host: unique across every load balancer.
CREATE TABLE lb_listeners (
  arn TEXT PRIMARY KEY,
  load_balancer_arn TEXT NOT NULL REFERENCES lb_load_balancers(arn) ON DELETE CASCADE,
  port INTEGER NOT NULL UNIQUE,
  body TEXT NOT NULL
);
CREATE INDEX lb_listeners_by_lb ON lb_listeners (load_balancer_arn, port);

CREATE TABLE lb_rules (
  arn TEXT PRIMARY KEY,
  listener_arn TEXT NOT NULL REFERENCES lb_listeners(arn) ON DELETE CASCADE,
  priority INTEGER NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (listener_arn, priority)
);

-- Which listener or rule forwards to which target group (DescribeTargetGroups' LoadBalancerArns, and
-- DeleteTargetGroup's ResourceInUse), kept with the listener or rule that names it.
CREATE TABLE lb_forwards (
  owner_arn TEXT NOT NULL,
  target_group_arn TEXT NOT NULL REFERENCES lb_target_groups(arn),
  load_balancer_arn TEXT NOT NULL REFERENCES lb_load_balancers(arn) ON DELETE CASCADE,
  PRIMARY KEY (owner_arn, target_group_arn)
);
CREATE INDEX lb_forwards_by_group ON lb_forwards (target_group_arn);
CREATE INDEX lb_forwards_by_lb ON lb_forwards (load_balancer_arn);

-- drain_until (epoch ms) is set once a target is deregistered; it is removed after it, even across a restart.
CREATE TABLE lb_targets (
  target_group_arn TEXT NOT NULL REFERENCES lb_target_groups(arn) ON DELETE CASCADE,
  ip TEXT NOT NULL,
  port INTEGER NOT NULL,
  registered_at INTEGER NOT NULL,
  drain_until INTEGER,
  PRIMARY KEY (target_group_arn, ip, port)
);
CREATE INDEX lb_targets_draining ON lb_targets (drain_until) WHERE drain_until IS NOT NULL;

CREATE TABLE lb_tags (
  resource_arn TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (resource_arn, key)
);
