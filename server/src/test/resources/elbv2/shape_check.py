"""Drives Gantry's ELBv2 API with boto3 and checks every response against botocore's model, strictly.

For each call the raw XML is captured and walked against the operation's output shape: every element must be a
modeled member (nothing unknown), lists are <member> elements, integers and booleans are well formed, timestamps
ISO-8601. The parsed response must then pass botocore's validator (types, required members, ranges) with the
output shape. Errors must be the modeled code with a message. Prints one line per call; exits non-zero on a
violation. Usage: python3 shape_check.py ENDPOINT
"""
import sys
import xml.etree.ElementTree as ET
from datetime import datetime

import boto3
import botocore.validate

endpoint = sys.argv[1]
client = boto3.client("elbv2", endpoint_url=endpoint, region_name="us-east-1")
model = client.meta.service_model
raw = {}
client.meta.events.register("after-call", lambda http_response, **kw: raw.update(body=http_response.content))
problems = []
NS = "{http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/}"


def walk(element, shape, path):
    name = element.tag.replace(NS, "")
    if shape.type_name == "structure":
        for child in element:
            tag = child.tag.replace(NS, "")
            if tag not in shape.members:
                problems.append(f"{path}: element <{tag}> is not a member of {shape.name}")
                continue
            walk(child, shape.members[tag], f"{path}.{tag}")
    elif shape.type_name == "list":
        for child in element:
            if child.tag.replace(NS, "") != "member":
                problems.append(f"{path}: list item <{child.tag}> is not <member>")
            walk(child, shape.member, f"{path}.member")
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
    result = root.find(NS + operation + "Result")
    if op.output_shape is not None:
        if result is None:
            problems.append(f"{operation}: no <{operation}Result>")
        else:
            walk(result, op.output_shape, operation)
        parsed = {k: v for k, v in response.items() if k != "ResponseMetadata"}
        report = botocore.validate.ParamValidator().validate(parsed, op.output_shape)
        if report.has_errors():
            problems.append(f"{operation}: botocore validation: {report.generate_report()}")
    if root.find(f"{NS}ResponseMetadata/{NS}RequestId") is None:
        problems.append(f"{operation}: no ResponseMetadata/RequestId")
    print(operation, "ok")
    return response


def expect_error(code, method, **params):
    try:
        getattr(client, method)(**params)
    except client.exceptions.ClientError as e:
        got = e.response["Error"]
        if got.get("Code") != code or not got.get("Message") or e.response["ResponseMetadata"]["HTTPStatusCode"] >= 500:
            problems.append(f"{method}: expected {code}, got {got} status {e.response['ResponseMetadata']['HTTPStatusCode']}")
        else:
            print(method, "->", code, "ok")
        return
    problems.append(f"{method}: expected {code}, got success")


lb = check("create_load_balancer", "CreateLoadBalancer", Name="shape-lb", Scheme="internal", Type="application",
           Tags=[{"Key": "team", "Value": "web"}])["LoadBalancers"][0]["LoadBalancerArn"]
nlb = check("create_load_balancer", "CreateLoadBalancer", Name="shape-nlb", Scheme="internal", Type="network")["LoadBalancers"][0]["LoadBalancerArn"]
tg = check("create_target_group", "CreateTargetGroup", Name="shape-blue", Protocol="HTTP", Port=8080, VpcId="vpc-1",
           TargetType="ip", HealthCheckPath="/health", HealthCheckIntervalSeconds=5, HealthCheckTimeoutSeconds=2,
           Matcher={"HttpCode": "200-299"})["TargetGroups"][0]["TargetGroupArn"]
tg2 = check("create_target_group", "CreateTargetGroup", Name="shape-green", Protocol="HTTP", Port=8080,
            TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
tcp = check("create_target_group", "CreateTargetGroup", Name="shape-tcp", Protocol="TCP", Port=5432,
            TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
check("describe_load_balancers", "DescribeLoadBalancers", Names=["shape-lb"])
check("describe_load_balancer_attributes", "DescribeLoadBalancerAttributes", LoadBalancerArn=lb)
check("modify_load_balancer_attributes", "ModifyLoadBalancerAttributes", LoadBalancerArn=lb,
      Attributes=[{"Key": "idle_timeout.timeout_seconds", "Value": "120"}, {"Key": "deletion_protection.enabled", "Value": "false"}])
check("describe_target_groups", "DescribeTargetGroups", TargetGroupArns=[tg])
check("modify_target_group", "ModifyTargetGroup", TargetGroupArn=tg, HealthyThresholdCount=2)
check("describe_target_group_attributes", "DescribeTargetGroupAttributes", TargetGroupArn=tg)
check("modify_target_group_attributes", "ModifyTargetGroupAttributes", TargetGroupArn=tg,
      Attributes=[{"Key": "deregistration_delay.timeout_seconds", "Value": "5"},
                  {"Key": "slow_start.duration_seconds", "Value": "30"}])
listener = check("create_listener", "CreateListener", LoadBalancerArn=lb, Protocol="HTTP", Port=28080,
                 DefaultActions=[{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                     {"TargetGroupArn": tg, "Weight": 80}, {"TargetGroupArn": tg2, "Weight": 20}]}}])["Listeners"][0]["ListenerArn"]
check("create_listener", "CreateListener", LoadBalancerArn=nlb, Protocol="TCP", Port=28081,
      DefaultActions=[{"Type": "forward", "TargetGroupArn": tcp}])
check("describe_listeners", "DescribeListeners", LoadBalancerArn=lb)
check("describe_listener_attributes", "DescribeListenerAttributes", ListenerArn=listener)
check("modify_listener_attributes", "ModifyListenerAttributes", ListenerArn=listener,
      Attributes=[{"Key": "routing.http.response.server.enabled", "Value": "false"}])
check("modify_listener", "ModifyListener", ListenerArn=listener,
      DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}])
rule = check("create_rule", "CreateRule", ListenerArn=listener, Priority=10,
             Conditions=[{"Field": "path-pattern", "Values": ["/api/*"]},
                         {"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-Canary", "Values": ["1"]}}],
             Actions=[{"Type": "forward", "TargetGroupArn": tg2}])["Rules"][0]["RuleArn"]
rule2 = check("create_rule", "CreateRule", ListenerArn=listener, Priority=20,
              Conditions=[{"Field": "query-string", "QueryStringConfig": {"Values": [{"Key": "v", "Value": "2"}]}},
                          {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["GET"]}},
                          {"Field": "source-ip", "SourceIpConfig": {"Values": ["10.0.0.0/8"]}}],
              Actions=[{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTP", "Port": "8080", "StatusCode": "HTTP_301"}}])["Rules"][0]["RuleArn"]
check("create_rule", "CreateRule", ListenerArn=listener, Priority=30,
      Conditions=[{"Field": "host-header", "HostHeaderConfig": {"Values": ["*.example.com"]}}],
      Actions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "503", "ContentType": "text/plain", "MessageBody": "down"}}])
check("describe_rules", "DescribeRules", ListenerArn=listener)
check("modify_rule", "ModifyRule", RuleArn=rule, Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/v2/*"]}}])
check("set_rule_priorities", "SetRulePriorities", RulePriorities=[{"RuleArn": rule, "Priority": 20}, {"RuleArn": rule2, "Priority": 10}])
check("register_targets", "RegisterTargets", TargetGroupArn=tg, Targets=[{"Id": "172.18.0.5"}, {"Id": "172.18.0.6", "Port": 9090}])
check("describe_target_health", "DescribeTargetHealth", TargetGroupArn=tg)
check("deregister_targets", "DeregisterTargets", TargetGroupArn=tg, Targets=[{"Id": "172.18.0.5"}])
health = check("describe_target_health", "DescribeTargetHealth", TargetGroupArn=tg, Targets=[{"Id": "172.18.0.5"}])
if health["TargetHealthDescriptions"][0]["TargetHealth"]["State"] != "draining":
    problems.append(f"deregistered target is not draining: {health}")
check("add_tags", "AddTags", ResourceArns=[lb, tg], Tags=[{"Key": "env", "Value": "dev"}])
check("remove_tags", "RemoveTags", ResourceArns=[lb], TagKeys=["team"])
tags = check("describe_tags", "DescribeTags", ResourceArns=[lb, tg])
if [t["Key"] for t in tags["TagDescriptions"][0]["Tags"]] != ["env"]:
    problems.append(f"tags after add/remove: {tags}")

expect_error("TargetGroupNotFound", "describe_target_groups", Names=["no-such-group"])
expect_error("LoadBalancerNotFound", "describe_load_balancers", LoadBalancerArns=[lb + "0"])
expect_error("ListenerNotFound", "describe_listeners", ListenerArns=[listener + "0"])
expect_error("RuleNotFound", "describe_rules", RuleArns=[rule + "0"])
expect_error("DuplicateListener", "create_listener", LoadBalancerArn=lb, Protocol="HTTP", Port=28080,
             DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "200"}}])
expect_error("PriorityInUse", "create_rule", ListenerArn=listener, Priority=10,
             Conditions=[{"Field": "path-pattern", "Values": ["/x"]}], Actions=[{"Type": "forward", "TargetGroupArn": tg}])
expect_error("ResourceInUse", "delete_target_group", TargetGroupArn=tg)
expect_error("InvalidTarget", "deregister_targets", TargetGroupArn=tg, Targets=[{"Id": "10.9.9.9"}])
expect_error("ValidationError", "create_target_group", Name="-bad-", Protocol="HTTP", Port=80, TargetType="ip")
expect_error("ValidationError", "create_target_group", Name="inst", Protocol="HTTP", Port=80, TargetType="instance")
expect_error("InvalidConfigurationRequest", "modify_load_balancer_attributes", LoadBalancerArn=lb,
             Attributes=[{"Key": "access_logs.s3.enabled", "Value": "true"}])
expect_error("OperationNotPermitted", "delete_rule",
             RuleArn=client.describe_rules(ListenerArn=listener)["Rules"][-1]["RuleArn"])
expect_error("IncompatibleProtocols", "create_listener", LoadBalancerArn=nlb, Protocol="TCP", Port=28082,
             DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}])
check("delete_rule", "DeleteRule", RuleArn=rule2)
check("delete_listener", "DeleteListener", ListenerArn=listener)
check("delete_target_group", "DeleteTargetGroup", TargetGroupArn=tg2)
check("delete_load_balancer", "DeleteLoadBalancer", LoadBalancerArn=lb)
check("delete_load_balancer", "DeleteLoadBalancer", LoadBalancerArn=nlb)
check("delete_target_group", "DeleteTargetGroup", TargetGroupArn=tg)
check("delete_target_group", "DeleteTargetGroup", TargetGroupArn=tcp)

if problems:
    print("\n".join(["PROBLEM " + p for p in problems]))
    sys.exit(1)
print("ALL OK")
