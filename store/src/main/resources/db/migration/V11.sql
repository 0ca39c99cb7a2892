-- V11: EC2 networking (VPCs, subnets, security groups and their rules, tags). Bodies are the core/ec2 records as
-- JSON without their tags (and a group's without its rules); the columns are what look-ups, uniqueness and the
-- range checks need. seq keeps creation order for Describe calls.
CREATE TABLE ec2_vpcs (
  vpc_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL
);

-- gateway: the engine network's gateway address (where the host reaches the subnet's tasks from).
CREATE TABLE ec2_subnets (
  subnet_id TEXT PRIMARY KEY,
  vpc_id TEXT NOT NULL REFERENCES ec2_vpcs(vpc_id),
  seq INTEGER NOT NULL,
  cidr TEXT NOT NULL,
  gateway TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX ec2_subnets_by_vpc ON ec2_subnets (vpc_id);

-- vpc_id is '' for Gantry's host group, which belongs to no VPC's name space.
CREATE TABLE ec2_security_groups (
  group_id TEXT PRIMARY KEY,
  vpc_id TEXT NOT NULL,
  name TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (vpc_id, name)
);

-- referenced_group_id: the peer group of the rule, '' for a CIDR peer (DeleteSecurityGroup's DependencyViolation).
CREATE TABLE ec2_rules (
  rule_id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES ec2_security_groups(group_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  referenced_group_id TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX ec2_rules_by_group ON ec2_rules (group_id, seq);
CREATE INDEX ec2_rules_by_peer ON ec2_rules (referenced_group_id);

CREATE TABLE ec2_tags (
  resource_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (resource_id, key)
);
