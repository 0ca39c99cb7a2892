"""Drives Gantry's EC2 API with boto3 and checks every response against botocore's EC2 model, strictly.

For each call the raw XML is captured and walked against the operation's output shape by EC2's rules: every element
must be a modeled member under its locationName (nothing unknown), lists are <item> elements, integers and booleans
are well formed, timestamps ISO-8601, enums in their set. The parsed response must then pass botocore's validator.
Errors must be the expected EC2 code with a message, and never a 5xx. Prints one line per call; exits non-zero on a
violation. Usage: python3 shape_check.py ENDPOINT
"""
import sys
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime

import boto3
import botocore.validate
from botocore.config import Config

endpoint = sys.argv[1]
client = boto3.client("ec2", endpoint_url=endpoint, region_name="us-east-1",
                      config=Config(retries={"max_attempts": 1}))
model = client.meta.service_model
raw = {}
client.meta.events.register("after-call", lambda http_response, **kw: raw.update(body=http_response.content))
problems = []
NS = "{http://ec2.amazonaws.com/doc/2016-11-15/}"
run = uuid.uuid4().hex[:8]


def tag_of(element):
    return element.tag.replace(NS, "")


def walk(element, shape, path):
    if shape.type_name == "structure":
        by_tag = {m.serialization.get("name", name): m for name, m in shape.members.items()}
        for child in element:
            tag = tag_of(child)
            if tag not in by_tag:
                problems.append(f"{path}: element <{tag}> is not a member of {shape.name}")
                continue
            walk(child, by_tag[tag], f"{path}.{tag}")
    elif shape.type_name == "list":
        for child in element:
            if tag_of(child) != "item":
                problems.append(f"{path}: list item <{tag_of(child)}> is not <item>")
            walk(child, shape.member, f"{path}.item")
    elif shape.type_name in ("integer", "long"):
        try:
            int(element.text)
        except (TypeError, ValueError):
            problems.append(f"{path}: '{element.text}' is not an integer")
    elif shape.type_name == "boolean":
        if element.text not in ("true", "false"):
            problems.append(f"{path}: '{element.text}' is not a boolean")
    elif shape.type_name == "timestamp":
        try:
            datetime.fromisoformat(element.text.replace("Z", "+00:00"))
        except (TypeError, ValueError):
            problems.append(f"{path}: '{element.text}' is not an ISO-8601 timestamp")
    elif shape.type_name == "string" and shape.enum and element.text not in shape.enum:
        problems.append(f"{path}: '{element.text}' is not one of {shape.enum}")


def check(method, operation, **params):
    response = getattr(client, method)(**params)
    op = model.operation_model(operation)
    root = ET.fromstring(raw["body"])
    if root.tag != NS + operation + "Response":
        problems.append(f"{operation}: root is {root.tag}")
    if root.find(NS + "requestId") is None:
        problems.append(f"{operation}: no requestId")
    if op.output_shape is not None:
        for child in root:
            if tag_of(child) == "requestId":
                continue
            by_tag = {m.serialization.get("name", n): (n, m) for n, m in op.output_shape.members.items()}
            if tag_of(child) not in by_tag:
                problems.append(f"{operation}: element <{tag_of(child)}> is not an output member")
                continue
            walk(child, by_tag[tag_of(child)][1], f"{operation}.{tag_of(child)}")
        parsed = {k: v for k, v in response.items() if k != "ResponseMetadata"}
        report = botocore.validate.ParamValidator().validate(parsed, op.output_shape)
        if report.has_errors():
            problems.append(f"{operation}: botocore validation: {report.generate_report()}")
    print(operation, "ok")
    return response


def expect_error(code, method, **params):
    try:
        getattr(client, method)(**params)
    except client.exceptions.ClientError as e:
        got = e.response["Error"]
        status = e.response["ResponseMetadata"]["HTTPStatusCode"]
        if got.get("Code") != code or not got.get("Message") or status >= 500:
            problems.append(f"{method}: expected {code}, got {got} status {status}")
        else:
            print(method, "->", code, "ok:", got["Message"])
        return
    problems.append(f"{method}: expected {code}, got success")


check("describe_availability_zones", "DescribeAvailabilityZones")
vpcs = check("describe_vpcs", "DescribeVpcs", VpcIds=["vpc-gantry"])["Vpcs"]
if not vpcs or not vpcs[0]["IsDefault"]:
    problems.append(f"the default VPC is missing: {vpcs}")
check("describe_subnets", "DescribeSubnets", Filters=[{"Name": "default-for-az", "Values": ["true"]}])
vpc = check("create_vpc", "CreateVpc", CidrBlock="10.77.0.0/16",
            TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "shape-" + run}]}])["Vpc"]["VpcId"]
check("describe_vpcs", "DescribeVpcs", Filters=[{"Name": "tag:Name", "Values": ["shape-" + run]}])
web = check("create_security_group", "CreateSecurityGroup", GroupName="web-" + run, Description="web tier", VpcId=vpc,
            TagSpecifications=[{"ResourceType": "security-group", "Tags": [{"Key": "tier", "Value": "web"}]}])["GroupId"]
db = check("create_security_group", "CreateSecurityGroup", GroupName="db-" + run, Description="db tier",
           VpcId=vpc)["GroupId"]
check("authorize_security_group_ingress", "AuthorizeSecurityGroupIngress", GroupId=db, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
     "UserIdGroupPairs": [{"GroupId": web, "Description": "from web"}],
     "IpRanges": [{"CidrIp": "10.77.1.0/24", "Description": "ops"}]}])
check("authorize_security_group_ingress", "AuthorizeSecurityGroupIngress", GroupId=db, IpProtocol="icmp",
      FromPort=-1, ToPort=-1, CidrIp="10.0.0.0/8")
rules = check("authorize_security_group_egress", "AuthorizeSecurityGroupEgress", GroupId=web, IpPermissions=[
    {"IpProtocol": "udp", "FromPort": 53, "ToPort": 53, "IpRanges": [{"CidrIp": "10.77.0.2/32"}]}],
    TagSpecifications=[{"ResourceType": "security-group-rule", "Tags": [{"Key": "why", "Value": "dns"}]}])
egress_rule = rules["SecurityGroupRules"][0]["SecurityGroupRuleId"]
check("describe_security_groups", "DescribeSecurityGroups", GroupIds=[db, web])
check("describe_security_groups", "DescribeSecurityGroups", Filters=[{"Name": "vpc-id", "Values": [vpc]}])
check("describe_security_group_rules", "DescribeSecurityGroupRules", Filters=[{"Name": "group-id", "Values": [db]}])
check("describe_security_group_rules", "DescribeSecurityGroupRules", SecurityGroupRuleIds=[egress_rule])
check("create_tags", "CreateTags", Resources=[vpc, web], Tags=[{"Key": "env", "Value": "test"}])
check("describe_tags", "DescribeTags", Filters=[{"Name": "resource-id", "Values": [vpc, web]}])
check("delete_tags", "DeleteTags", Resources=[web], Tags=[{"Key": "env"}])
check("describe_network_interfaces", "DescribeNetworkInterfaces")
check("describe_vpc_attribute", "DescribeVpcAttribute", VpcId=vpc, Attribute="enableDnsSupport")
check("modify_vpc_attribute", "ModifyVpcAttribute", VpcId=vpc, EnableDnsSupport={"Value": True})
check("describe_route_tables", "DescribeRouteTables", Filters=[{"Name": "vpc-id", "Values": [vpc]},
                                                              {"Name": "association.main", "Values": ["true"]}])
check("describe_network_acls", "DescribeNetworkAcls", Filters=[{"Name": "default", "Values": ["true"]}])
check("revoke_security_group_egress", "RevokeSecurityGroupEgress", GroupId=web, SecurityGroupRuleIds=[egress_rule])
check("revoke_security_group_ingress", "RevokeSecurityGroupIngress", GroupId=db, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "10.77.1.0/24"}]},
    {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "10.77.1.0/24"}]}])

# bad input: EC2's codes, never a 5xx
expect_error("InvalidVpc.Range", "create_vpc", CidrBlock="10.0.0.0/8")
expect_error("InvalidParameterValue", "create_vpc", CidrBlock="10.0.0.1/16")
expect_error("MissingParameter", "create_vpc")
expect_error("InvalidVpcID.NotFound", "describe_vpcs", VpcIds=["vpc-0000000000000dead"])
expect_error("InvalidVpcID.NotFound", "create_subnet", VpcId="vpc-0000000000000dead", CidrBlock="10.1.0.0/24")
expect_error("InvalidSubnet.Range", "create_subnet", VpcId=vpc, CidrBlock="10.78.0.0/24")
expect_error("InvalidSubnet.Range", "create_subnet", VpcId=vpc, CidrBlock="10.77.0.0/29")
expect_error("InvalidSubnet.Conflict", "create_subnet", VpcId="vpc-gantry",
             CidrBlock=check("describe_vpcs", "DescribeVpcs", VpcIds=["vpc-gantry"])["Vpcs"][0]["CidrBlock"])
expect_error("InvalidSubnetID.NotFound", "delete_subnet", SubnetId="subnet-0000000000000dead")
expect_error("InvalidSubnetID.Malformed", "delete_subnet", SubnetId="nope")
expect_error("InvalidGroup.Duplicate", "create_security_group", GroupName="web-" + run, Description="again", VpcId=vpc)
expect_error("InvalidGroup.Reserved", "create_security_group", GroupName="default", Description="x", VpcId=vpc)
expect_error("InvalidGroup.NotFound", "describe_security_groups", GroupIds=["sg-0000000000000dead"])
expect_error("InvalidGroupId.Malformed", "describe_security_groups", GroupIds=["web"])
expect_error("InvalidPermission.Duplicate", "authorize_security_group_ingress", GroupId=db, IpProtocol="icmp",
             FromPort=-1, ToPort=-1, CidrIp="10.0.0.0/8")
expect_error("InvalidPermission.NotFound", "revoke_security_group_ingress", GroupId=db, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 1, "ToPort": 1, "IpRanges": [{"CidrIp": "1.2.3.4/32"}]}])
expect_error("InvalidParameterValue", "authorize_security_group_ingress", GroupId=db, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 90, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
expect_error("InvalidParameterValue", "authorize_security_group_ingress", GroupId=db, IpPermissions=[
    {"IpProtocol": "gre", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
expect_error("InvalidGroup.NotFound", "authorize_security_group_ingress", GroupId=db, IpPermissions=[
    {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": "sg-gantry"}]}])
expect_error("InvalidParameterValue", "describe_vpcs", Filters=[{"Name": "colour", "Values": ["red"]}])
expect_error("DependencyViolation", "delete_security_group", GroupId=web)
expect_error("CannotDelete", "delete_security_group", GroupId="sg-gantry")
expect_error("CannotDelete", "delete_security_group", GroupId="sg-gantry-host")
expect_error("DependencyViolation", "delete_vpc", VpcId=vpc)
expect_error("DryRunOperation", "create_vpc", CidrBlock="10.79.0.0/16", DryRun=True)
expect_error("InvalidNetworkInterfaceID.NotFound", "describe_network_interfaces",
             NetworkInterfaceIds=["eni-0000000000000dead"])
expect_error("UnsupportedOperation", "modify_vpc_attribute", VpcId=vpc, EnableDnsHostnames={"Value": True})
expect_error("InvalidID", "create_tags", Resources=["i-123"], Tags=[{"Key": "a", "Value": "b"}])

check("revoke_security_group_ingress", "RevokeSecurityGroupIngress", GroupId=db, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": web}]}])
check("delete_security_group", "DeleteSecurityGroup", GroupId=web)
check("delete_security_group", "DeleteSecurityGroup", GroupId=db)
check("delete_vpc", "DeleteVpc", VpcId=vpc)
expect_error("InvalidVpcID.NotFound", "delete_vpc", VpcId=vpc)

for p in problems:
    print("PROBLEM:", p)
if not problems:
    print("ALL OK")
sys.exit(1 if problems else 0)
