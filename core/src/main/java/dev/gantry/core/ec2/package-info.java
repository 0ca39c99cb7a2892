/**
 * EC2 networking as Gantry realises it on one machine, pure: VPCs ({@link dev.gantry.core.ec2.Vpc}), subnets
 * ({@link dev.gantry.core.ec2.Subnet}, each realised by one engine network with the subnet's own address range) and
 * security groups with their rules ({@link dev.gantry.core.ec2.SecurityGroup},
 * {@link dev.gantry.core.ec2.SecurityGroupRule}), enforced as packet filters in each task's network namespace.
 * The default VPC's objects have fixed, documented ids ({@link dev.gantry.core.ec2.DefaultVpc}).
 */
package dev.gantry.core.ec2;
