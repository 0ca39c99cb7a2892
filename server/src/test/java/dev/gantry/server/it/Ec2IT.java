package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * EC2's networking subset in EC2's Query dialect with real clients against a real server: boto3 with every response
 * walked against botocore's EC2 model ({@code ec2/shape_check.py}, bad input included: EC2's codes, never a 5xx),
 * the AWS CLI v2 through a Terraform-shaped flow (VPC, groups, rules in both forms, tags, revoke by rule id), and the
 * AWS SDK for Java v2 (its EC2 client, EC2's error codes in {@code Ec2Exception}).
 */
class Ec2IT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGantry g;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        g.server.awaitReady();
        aws = new AwsCli(g.server.endpoint());
    }

    private static JsonNode ec2(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "ec2";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--output";
        all[args.length + 2] = "json";
        String out = aws.run(all);
        return out.isEmpty() ? JSON.createObjectNode() : JSON.readTree(out);
    }

    /** Runs a call that must fail; returns the CLI's output, which names EC2's error code. */
    private static String ec2Fails(String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 1];
        all[0] = "ec2";
        System.arraycopy(args, 0, all, 1, args.length);
        Process p = aws.process(all).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("aws ec2 %s must fail; output: %s", String.join(" ", args), out)
                .isNotZero();
        return out;
    }

    @Test
    void boto3ResponsesMatchBotocoresEc2ModelAndErrorsAreEc2Codes() throws Exception {
        Path script =
                Path.of("src", "test", "resources", "ec2", "shape_check.py").toAbsolutePath();
        ProcessBuilder pb =
                new ProcessBuilder("python3", script.toString(), g.server.endpoint()).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY);
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotContain("PROBLEM").contains("ALL OK");
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void theDefaultVpcIsTheEngineNetworkAndItsGroupAdmitsTheHost() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        JsonNode vpc = ec2("describe-vpcs", "--vpc-ids", "vpc-gantry").at("/Vpcs/0");
        JsonNode subnet =
                ec2("describe-subnets", "--subnet-ids", "subnet-gantry").at("/Subnets/0");
        assertThat(vpc.path("IsDefault").asBoolean()).isTrue();
        assertThat(subnet.path("CidrBlock").asText())
                .isEqualTo(vpc.path("CidrBlock").asText())
                .matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+");
        assertThat(subnet.path("DefaultForAz").asBoolean()).isTrue();
        assertThat(subnet.path("AvailabilityZone").asText()).isEqualTo("us-east-1a");
        JsonNode sg = ec2(
                        "describe-security-groups",
                        "--filters",
                        "Name=vpc-id,Values=vpc-gantry",
                        "Name=group-name,Values=default")
                .at("/SecurityGroups/0");
        assertThat(sg.path("GroupId").asText()).isEqualTo("sg-gantry");
        assertThat(sg.at("/IpPermissions/0/UserIdGroupPairs").findValuesAsText("GroupId"))
                .as(
                        "AWS's self rule and Gantry's host rule (in any order: another IT revokes and restores the self rule)")
                .containsExactlyInAnyOrder("sg-gantry", "sg-gantry-host");
        assertThat(sg.at("/IpPermissionsEgress/0/IpRanges/0/CidrIp").asText()).isEqualTo("0.0.0.0/0");
        assertThat(ec2("describe-security-groups", "--group-ids", "sg-gantry-host")
                        .at("/SecurityGroups/0/GroupName")
                        .asText())
                .isEqualTo("gantry-host");
        assertThat(ec2("describe-availability-zones").findValuesAsText("ZoneName"))
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
    }

    @Test
    void awsCliV2BuildsAVpcWithGroupsAndRulesAndRefusesBadInputWithEc2Codes() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String vpc = ec2(
                        "create-vpc",
                        "--cidr-block",
                        "10.66.0.0/16",
                        "--tag-specifications",
                        "ResourceType=vpc,Tags=[{Key=Name,Value=cli-" + run + "}]")
                .at("/Vpc/VpcId")
                .asText();
        assertThat(vpc).matches("vpc-[0-9a-f]{17}");
        assertThat(ec2("describe-vpcs", "--filters", "Name=tag:Name,Values=cli-" + run)
                        .findValuesAsText("VpcId"))
                .containsExactly(vpc);
        String defaultGroup = ec2("describe-security-groups", "--filters", "Name=vpc-id,Values=" + vpc)
                .at("/SecurityGroups/0/GroupName")
                .asText();
        assertThat(defaultGroup).isEqualTo("default");
        String front = ec2(
                        "create-security-group",
                        "--group-name",
                        "front-" + run,
                        "--description",
                        "front",
                        "--vpc-id",
                        vpc)
                .path("GroupId")
                .asText();
        String back = ec2(
                        "create-security-group",
                        "--group-name",
                        "back-" + run,
                        "--description",
                        "back",
                        "--vpc-id",
                        vpc)
                .path("GroupId")
                .asText();
        // the flat form, then IpPermissions naming a group as the source
        ec2(
                "authorize-security-group-ingress",
                "--group-id",
                back,
                "--protocol",
                "tcp",
                "--port",
                "8080",
                "--cidr",
                "10.66.0.0/24");
        JsonNode added = ec2(
                "authorize-security-group-ingress",
                "--group-id",
                back,
                "--ip-permissions",
                "IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=" + front
                        + ",Description=front}]");
        String fromFront = added.at("/SecurityGroupRules/0/SecurityGroupRuleId").asText();
        assertThat(fromFront).startsWith("sgr-");
        assertThat(added.at("/SecurityGroupRules/0/ReferencedGroupInfo/GroupId").asText())
                .isEqualTo(front);
        JsonNode rules = ec2("describe-security-group-rules", "--filters", "Name=group-id,Values=" + back);
        assertThat(rules.path("SecurityGroupRules")).hasSize(3); // AWS's outbound rule and the two inbound ones
        assertThat(ec2Fails(
                        "authorize-security-group-ingress",
                        "--group-id",
                        back,
                        "--protocol",
                        "tcp",
                        "--port",
                        "8080",
                        "--cidr",
                        "10.66.0.0/24"))
                .contains("InvalidPermission.Duplicate");
        assertThat(ec2Fails("delete-security-group", "--group-id", front)).contains("DependencyViolation");
        ec2("revoke-security-group-ingress", "--group-id", back, "--security-group-rule-ids", fromFront);
        ec2("create-tags", "--resources", back, "--tags", "Key=tier,Value=back");
        assertThat(ec2("describe-tags", "--filters", "Name=resource-id,Values=" + back)
                        .findValuesAsText("Value"))
                .containsExactly("back");
        assertThat(ec2Fails("create-vpc", "--cidr-block", "10.0.0.0/8")).contains("InvalidVpc.Range");
        assertThat(ec2Fails("create-subnet", "--vpc-id", vpc, "--cidr-block", "10.67.0.0/24"))
                .contains("InvalidSubnet.Range");
        assertThat(ec2Fails("describe-security-groups", "--group-ids", "sg-00000000000000bad"))
                .contains("InvalidGroup.NotFound");
        assertThat(ec2Fails(
                        "authorize-security-group-ingress",
                        "--group-id",
                        back,
                        "--protocol",
                        "tcp",
                        "--port",
                        "70000",
                        "--cidr",
                        "0.0.0.0/0"))
                .contains("InvalidParameterValue");
        assertThat(ec2Fails("delete-vpc", "--vpc-id", vpc)).contains("DependencyViolation");
        ec2("delete-security-group", "--group-id", front);
        ec2("delete-security-group", "--group-id", back);
        ec2("delete-vpc", "--vpc-id", vpc);
        assertThat(ec2Fails("describe-vpcs", "--vpc-ids", vpc)).contains("InvalidVpcID.NotFound");
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (Ec2Exception e) {
            assertThat(e.statusCode()).isLessThan(500);
            return e.awsErrorDetails().errorCode();
        }
        return "none";
    }

    @Test
    void javaSdkV2RoundTripWithEc2ErrorCodes() {
        try (Ec2Client ec2 = Ec2Client.builder()
                .endpointOverride(java.net.URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestGantry.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String vpc = ec2.createVpc(b -> b.cidrBlock("10.55.0.0/16")
                            .tagSpecifications(TagSpecification.builder()
                                    .resourceType(ResourceType.VPC)
                                    .tags(Tag.builder().key("run").value(run).build())
                                    .build()))
                    .vpc()
                    .vpcId();
            assertThat(ec2.describeVpcs(b -> b.filters(
                                    Filter.builder().name("tag:run").values(run).build()))
                            .vpcs())
                    .singleElement()
                    .satisfies(v -> assertThat(v.cidrBlock()).isEqualTo("10.55.0.0/16"));
            String app = ec2.createSecurityGroup(
                            b -> b.groupName("app-" + run).description("app").vpcId(vpc))
                    .groupId();
            String lb = ec2.createSecurityGroup(
                            b -> b.groupName("lb-" + run).description("lb").vpcId(vpc))
                    .groupId();
            List<SecurityGroupRule> added = ec2.authorizeSecurityGroupIngress(b -> b.groupId(app)
                            .ipPermissions(IpPermission.builder()
                                    .ipProtocol("tcp")
                                    .fromPort(8080)
                                    .toPort(8080)
                                    .userIdGroupPairs(UserIdGroupPair.builder()
                                            .groupId(lb)
                                            .build())
                                    .build()))
                    .securityGroupRules();
            assertThat(added).singleElement().satisfies(r -> {
                assertThat(r.referencedGroupInfo().groupId()).isEqualTo(lb);
                assertThat(r.isEgress()).isFalse();
                assertThat(r.fromPort()).isEqualTo(8080);
            });
            var group = ec2.describeSecurityGroups(b -> b.groupIds(app))
                    .securityGroups()
                    .getFirst();
            assertThat(group.ipPermissions()
                            .getFirst()
                            .userIdGroupPairs()
                            .getFirst()
                            .groupId())
                    .isEqualTo(lb);
            assertThat(group.ipPermissionsEgress().getFirst().ipProtocol()).isEqualTo("-1");
            assertThat(errorCode(() -> ec2.deleteSecurityGroup(b -> b.groupId(lb))))
                    .isEqualTo("DependencyViolation");
            assertThat(errorCode(() -> ec2.createVpc(b -> b.cidrBlock("10.55.0.0/30"))))
                    .isEqualTo("InvalidVpc.Range");
            assertThat(errorCode(() -> ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.56.0.0/24"))))
                    .isEqualTo("InvalidSubnet.Range");
            assertThat(errorCode(() -> ec2.describeSubnets(b -> b.subnetIds("subnet-00000000000000bad"))))
                    .isEqualTo("InvalidSubnetID.NotFound");
            assertThat(errorCode(() -> ec2.createSecurityGroup(
                            b -> b.groupName("app-" + run).description("x").vpcId(vpc))))
                    .isEqualTo("InvalidGroup.Duplicate");
            ec2.revokeSecurityGroupIngress(
                    b -> b.groupId(app).securityGroupRuleIds(added.getFirst().securityGroupRuleId()));
            ec2.deleteSecurityGroup(b -> b.groupId(lb));
            ec2.deleteSecurityGroup(b -> b.groupId(app));
            ec2.deleteVpc(b -> b.vpcId(vpc));
            assertThat(errorCode(() -> ec2.deleteVpc(b -> b.vpcId(vpc)))).isEqualTo("InvalidVpcID.NotFound");
        }
    }
}
