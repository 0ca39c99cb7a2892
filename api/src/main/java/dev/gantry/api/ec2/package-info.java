/**
 * EC2's networking subset over EC2's Query dialect: {@link dev.gantry.api.ec2.Ec2Service} and its handlers (VPCs and
 * subnets, security groups and rules, tags, zones, network interfaces), the output views under EC2's XML names,
 * and EC2's error table. {@code service-2.json.gz} beside it is botocore 1.43.11's {@code ec2/2016-11-15} model
 * trimmed to the operations Gantry serves (and those Terraform's provider reads) and the shapes they reach, without
 * documentation.
 */
package dev.gantry.api.ec2;
