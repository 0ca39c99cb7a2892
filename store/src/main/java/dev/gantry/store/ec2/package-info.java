/**
 * EC2 networking (migration V11): {@link dev.gantry.store.ec2.Ec2Store} (VPCs, subnets with their engine network's
 * gateway, the seeded default VPC), {@link dev.gantry.store.ec2.SecurityGroupStore} (groups and rules, duplicates
 * checked in the writing transaction) and {@link dev.gantry.store.ec2.Ec2TagStore} (tags by resource id).
 */
package dev.gantry.store.ec2;
