package dev.gantry.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.ServiceModel;
import dev.gantry.api.query.QueryTypes;
import dev.gantry.control.network.SubnetNetworks;
import dev.gantry.core.ec2.NetworkInterface;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.id.IdSource;
import dev.gantry.store.ec2.Ec2Store;
import dev.gantry.store.ec2.Ec2TagStore;
import dev.gantry.store.ec2.SecurityGroupStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EC2 handlers over a real store with recording seams: subnets are realised on the engine before they are
 * committed and removed after, the engine's conflicts are EC2's, a subnet with a running task stays, and every
 * committed security-group change is announced. Also EC2's wire names reach the handlers as the model's members.
 */
class Ec2ServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Database db;
    Ec2Service ec2;
    final List<String> engine = new ArrayList<>();
    final List<NetworkInterface> running = new ArrayList<>();
    final AtomicInteger changes = new AtomicInteger();
    volatile String refuse = "";

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        Ec2Store store = new Ec2Store(db, "us-east-1");
        store.ensureDefaults("gantry", "172.18.0.0/16", "172.18.0.1");
        SubnetNetworks networks = new SubnetNetworks() {
            @Override
            public void create(Subnet subnet) {
                if (!refuse.isEmpty()) {
                    throw new Conflict(refuse);
                }
                engine.add("create " + subnet.networkName() + " " + subnet.cidrBlock() + " private="
                        + subnet.privateSubnet());
            }

            @Override
            public void remove(Subnet subnet) {
                engine.add("remove " + subnet.networkName());
            }
        };
        AtomicInteger n = new AtomicInteger();
        IdSource ids = new IdSource() {
            @Override
            public String taskId() {
                return HexFormat.of().toHexDigits((long) n.incrementAndGet()) + "0000000000000000";
            }

            @Override
            public String uuid() {
                return "00000000-0000-0000-0000-" + n.incrementAndGet();
            }
        };
        ec2 = new Ec2Service(
                store,
                new SecurityGroupStore(db),
                new Ec2TagStore(db),
                new Ec2Service.Seams(networks, () -> List.copyOf(running), changes::incrementAndGet, ids),
                "us-east-1",
                "000000000000");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode call(String op, String json) throws Exception {
        return ec2.handle(op, JSON.readTree(json), null);
    }

    private static String code(ThrowingCall c) {
        try {
            c.run();
        } catch (ApiException e) {
            return e.code().wireName();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return "none";
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void subnetsAreRealisedOnTheEngineBeforeTheyAreCommittedAndRemovedAfter() throws Exception {
        String vpc = call("CreateVpc", "{\"CidrBlock\":\"10.5.0.0/16\"}")
                .at("/vpc/vpcId")
                .asText();
        JsonNode subnet = call(
                        "CreateSubnet",
                        "{\"VpcId\":\"" + vpc + "\",\"CidrBlock\":\"10.5.1.0/24\","
                                + "\"TagSpecifications\":[{\"ResourceType\":\"subnet\",\"Tags\":[{\"Key\":\"gantry:private\","
                                + "\"Value\":\"true\"}]}]}")
                .path("subnet");
        String id = subnet.path("subnetId").asText();
        assertThat(engine).containsExactly("create gantry-" + id + " 10.5.1.0/24 private=true");
        assertThat(subnet.path("availableIpAddressCount").asInt()).isEqualTo(251);

        refuse = "10.5.2.0/24 overlaps the engine network br-x (10.5.2.0/23)";
        assertThatThrownBy(() -> call("CreateSubnet", "{\"VpcId\":\"" + vpc + "\",\"CidrBlock\":\"10.5.2.0/24\"}"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("br-x")
                .extracting(e -> ((ApiException) e).code().wireName())
                .isEqualTo("InvalidSubnet.Conflict");
        refuse = "";
        assertThat(call("DescribeSubnets", "{\"Filters\":[{\"Name\":\"vpc-id\",\"Values\":[\"" + vpc + "\"]}]}")
                        .path("subnetSet"))
                .hasSize(1);

        running.add(new NetworkInterface(
                "eni-1", id, vpc, "us-east-1a", "10.5.1.2", "02:42:0a:05:01:02", List.of(), "", "", Instant.EPOCH));
        assertThat(code(() -> call("DeleteSubnet", "{\"SubnetId\":\"" + id + "\"}")))
                .isEqualTo("DependencyViolation");
        running.clear();
        call("DeleteSubnet", "{\"SubnetId\":\"" + id + "\"}");
        assertThat(engine).last().isEqualTo("remove gantry-" + id);
        assertThat(code(() -> call("DeleteSubnet", "{\"SubnetId\":\"subnet-gantry\"}")))
                .isEqualTo("UnsupportedOperation");
        assertThat(code(() -> call(
                        "CreateSubnet",
                        "{\"VpcId\":\"" + vpc + "\",\"CidrBlock\":\"10.5.3.0/24\"," + "\"DryRun\":true}")))
                .isEqualTo("DryRunOperation");
        assertThat(engine).hasSize(2);
    }

    @Test
    void everyCommittedGroupChangeIsAnnouncedAndNothingElse() throws Exception {
        int before = changes.get();
        String sg = call("CreateSecurityGroup", "{\"GroupName\":\"web\",\"Description\":\"web\"}")
                .path("groupId")
                .asText();
        call(
                "AuthorizeSecurityGroupIngress",
                "{\"GroupId\":\"" + sg + "\",\"IpPermissions\":[{\"IpProtocol\":\"tcp\","
                        + "\"FromPort\":80,\"ToPort\":80,\"UserIdGroupPairs\":[{\"GroupId\":\"sg-gantry-host\"}]}]}");
        assertThat(code(() -> call(
                        "AuthorizeSecurityGroupIngress",
                        "{\"GroupId\":\"" + sg
                                + "\",\"IpProtocol\":\"tcp\",\"FromPort\":80,\"ToPort\":80,\"CidrIp\":\"10.0.0.0/8\","
                                + "\"DryRun\":true}")))
                .isEqualTo("DryRunOperation");
        call(
                "RevokeSecurityGroupEgress",
                "{\"GroupId\":\"" + sg + "\",\"IpPermissions\":[{\"IpProtocol\":\"-1\","
                        + "\"IpRanges\":[{\"CidrIp\":\"0.0.0.0/0\"}]}]}");
        call("CreateTags", "{\"Resources\":[\"" + sg + "\"],\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");
        call("DeleteSecurityGroup", "{\"GroupId\":\"" + sg + "\"}");
        assertThat(changes.get() - before).isEqualTo(4); // create, authorize, revoke, delete: not the dry run or tags
    }

    @Test
    void networkInterfacesAreTheRunningTasks() throws Exception {
        running.add(new NetworkInterface(
                "eni-0a",
                "subnet-gantry",
                "vpc-gantry",
                "us-east-1a",
                "172.18.0.5",
                "02:42:ac:12:00:05",
                List.of("sg-gantry"),
                "arn:aws:ecs:us-east-1:000000000000:attachment/x",
                "eni-attach-0a",
                Instant.parse("2026-01-01T00:00:00Z")));
        JsonNode eni = call(
                        "DescribeNetworkInterfaces", "{\"Filters\":[{\"Name\":\"group-id\",\"Values\":[\"sg-*\"]}]}")
                .at("/networkInterfaceSet/0");
        assertThat(eni.path("privateIpAddress").asText()).isEqualTo("172.18.0.5");
        assertThat(eni.at("/groupSet/0/groupName").asText()).isEqualTo("default");
        assertThat(eni.path("status").asText()).isEqualTo("in-use");
        assertThat(code(() -> call("DeleteSecurityGroup", "{\"GroupId\":\"sg-gantry\"}")))
                .isEqualTo("CannotDelete");
    }

    @Test
    void aPortBeyondAnIntegerIsRefusedNotWrappedAround() throws Exception {
        String sg = call("CreateSecurityGroup", "{\"GroupName\":\"wide\",\"Description\":\"w\"}")
                .path("groupId")
                .asText();
        assertThat(code(() -> call(
                        "AuthorizeSecurityGroupIngress",
                        "{\"GroupId\":\"" + sg + "\",\"IpPermissions\":[{\"IpProtocol\":\"tcp\","
                                + "\"FromPort\":4294967376,\"ToPort\":4294967376,"
                                + "\"IpRanges\":[{\"CidrIp\":\"10.0.0.0/8\"}]}]}")))
                .isEqualTo("InvalidParameterValue");
        assertThat(call(
                                "DescribeSecurityGroupRules",
                                "{\"Filters\":[{\"Name\":\"group-id\",\"Values\":[\"" + sg + "\"]}]}")
                        .path("securityGroupRuleSet")
                        .findValuesAsText("fromPort"))
                .doesNotContain("80");
    }

    @Test
    void ec2WireNamesBecomeTheModelsMembers() throws Exception {
        ServiceModel model = ServiceModel.load(Ec2Service.class, "service-2.json.gz");
        assertThat(model.protocol()).isEqualTo("ec2");
        ObjectNode wire = (ObjectNode) JSON.readTree("{\"Filter\":[{\"Name\":\"vpc-id\",\"Value\":[\"vpc-1\"]}],"
                + "\"VpcId\":[\"vpc-1\"],\"DryRun\":\"true\",\"MaxResults\":\"10\",\"Stray\":\"x\"}");
        JsonNode typed = QueryTypes.coerce(wire, model, "DescribeVpcs");
        assertThat(typed.toString())
                .isEqualTo("{\"Filters\":[{\"Name\":\"vpc-id\",\"Values\":[\"vpc-1\"]}],\"VpcIds\":[\"vpc-1\"],"
                        + "\"DryRun\":true,\"MaxResults\":10}");
        JsonNode group = QueryTypes.coerce(
                (ObjectNode) JSON.readTree("{\"GroupName\":\"a\",\"GroupDescription\":\"d\",\"TagSpecification\":"
                        + "[{\"ResourceType\":\"security-group\",\"Tag\":[{\"Key\":\"k\",\"Value\":\"v\"}]}]}"),
                model,
                "CreateSecurityGroup");
        assertThat(group.at("/Description").asText()).isEqualTo("d");
        assertThat(group.at("/TagSpecifications/0/Tags/0/Key").asText()).isEqualTo("k");
        JsonNode perms = QueryTypes.coerce(
                (ObjectNode) JSON.readTree("{\"GroupId\":\"sg-1\",\"IpPermissions\":[{\"IpProtocol\":\"tcp\","
                        + "\"FromPort\":\"80\",\"ToPort\":\"80\",\"Groups\":[{\"GroupId\":\"sg-2\"}],"
                        + "\"IpRanges\":[{\"CidrIp\":\"10.0.0.0/8\"}]}]}"),
                model,
                "AuthorizeSecurityGroupIngress");
        assertThat(perms.at("/IpPermissions/0/UserIdGroupPairs/0/GroupId").asText())
                .isEqualTo("sg-2");
        assertThat(perms.at("/IpPermissions/0/FromPort").isInt()).isTrue();
    }
}
