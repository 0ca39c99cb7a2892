package dev.gantry.store.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EC2 tables: seeded defaults, overlap and duplicate checks in the writing transaction, deletes and tags. */
class Ec2StoreTest {
    @TempDir
    Path dir;

    Database db;
    Ec2Store store;
    SecurityGroupStore groups;
    Ec2TagStore tags;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        store = new Ec2Store(db, "us-east-1");
        groups = new SecurityGroupStore(db);
        tags = new Ec2TagStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SecurityGroupRule tcp(String id, String group, int port, String cidr) {
        return new SecurityGroupRule(
                id, group, false, "tcp", port, port, Optional.of(cidr), Optional.empty(), Optional.empty());
    }

    private static Subnet subnet(String id, String vpc, String cidr, Map<String, String> tags) {
        return new Subnet(id, vpc, cidr, "us-east-1b", false, false, false, "gantry-" + id, tags);
    }

    private void vpc(String id, String cidr) {
        store.insertVpc(
                new Vpc(id, cidr, false, "available", Map.of("Name", id)),
                Ec2Store.defaultGroup(id, "sg-d" + id, "sgr-s" + id, "sgr-h" + id, "sgr-e" + id));
    }

    @Test
    void defaultsAreSeededOnceAndFollowTheEngineNetwork() {
        store.ensureDefaults("gantry", "172.20.0.0/16", "172.20.0.1");
        store.ensureDefaults("gantry", "172.20.0.0/16", "172.20.0.1");
        assertThat(store.vpcs()).singleElement().satisfies(v -> {
            assertThat(v.vpcId()).isEqualTo(DefaultVpc.VPC_ID);
            assertThat(v.isDefault()).isTrue();
        });
        Subnet s = store.subnet(DefaultVpc.SUBNET_ID).orElseThrow();
        assertThat(s.networkName()).isEqualTo("gantry");
        assertThat(s.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(s.defaultForAz()).isTrue();
        SecurityGroup sg = groups.group(DefaultVpc.SECURITY_GROUP_ID).orElseThrow();
        assertThat(sg.groupName()).isEqualTo("default");
        assertThat(sg.ingress())
                .extracting(r -> r.referencedGroupId().orElseThrow())
                .containsExactly(DefaultVpc.SECURITY_GROUP_ID, DefaultVpc.HOST_SECURITY_GROUP_ID);
        assertThat(sg.egress()).singleElement().satisfies(r -> {
            assertThat(r.allTraffic()).isTrue();
            assertThat(r.cidrIpv4()).contains("0.0.0.0/0");
        });
        assertThat(groups.group(DefaultVpc.HOST_SECURITY_GROUP_ID)).isPresent();
        assertThat(groups.groups()).hasSize(2);

        store.ensureDefaults("gantry-it", "10.99.0.0/24", "10.99.0.1");
        assertThat(store.vpc(DefaultVpc.VPC_ID).orElseThrow().cidrBlock()).isEqualTo("10.99.0.0/24");
        assertThat(store.subnet(DefaultVpc.SUBNET_ID).orElseThrow().networkName())
                .isEqualTo("gantry-it");
        assertThat(store.gateway(DefaultVpc.SUBNET_ID)).contains("10.99.0.1");
        assertThat(store.subnets()).hasSize(1);
    }

    @Test
    void subnetsMayNotOverlapAnySubnetOfAnyVpc() {
        vpc("vpc-1", "10.1.0.0/16");
        vpc("vpc-2", "10.1.0.0/16");
        assertThat(store.insertSubnet(subnet("subnet-a", "vpc-1", "10.1.1.0/24", Map.of("k", "v")), "10.1.1.1"))
                .isEmpty();
        assertThat(store.insertSubnet(subnet("subnet-b", "vpc-2", "10.1.1.128/25", Map.of()), "10.1.1.129"))
                .map(Subnet::subnetId)
                .contains("subnet-a");
        assertThat(store.subnets()).extracting(Subnet::subnetId).containsExactly("subnet-a");
        assertThat(store.subnet("subnet-a").orElseThrow().tags()).containsEntry("k", "v");
        assertThat(store.deleteVpc("vpc-1").blockedBy()).contains("subnet-a");
        assertThat(store.deleteSubnet("subnet-a")).isTrue();
        assertThat(store.deleteSubnet("subnet-a")).isFalse();
        assertThat(tags.of("subnet-a")).isEmpty();
        assertThat(store.deleteVpc("vpc-1").deleted()).isTrue();
        assertThat(groups.group("sg-dvpc-1")).isEmpty();
        assertThat(store.deleteVpc("vpc-1").found()).isFalse();
    }

    @Test
    void groupNamesAreUniquePerVpcAndAVpcWithGroupsStays() {
        vpc("vpc-1", "10.1.0.0/16");
        vpc("vpc-2", "10.2.0.0/16");
        SecurityGroup web = new SecurityGroup("sg-web", "web", "d", "vpc-1", List.of(), Map.of("team", "a"));
        assertThat(groups.insert(web)).isEmpty();
        assertThat(groups.insert(new SecurityGroup("sg-web2", "web", "d", "vpc-1", List.of(), Map.of())))
                .map(SecurityGroup::groupId)
                .contains("sg-web");
        assertThat(groups.insert(new SecurityGroup("sg-web3", "web", "d", "vpc-2", List.of(), Map.of())))
                .isEmpty();
        assertThat(groups.byName("vpc-1", "web").orElseThrow().tags()).containsEntry("team", "a");
        assertThat(store.deleteVpc("vpc-1").blockedBy()).contains("sg-web");
    }

    @Test
    void rulesAreAddedAllOrNoneAndDuplicatesRefused() {
        vpc("vpc-1", "10.1.0.0/16");
        groups.insert(new SecurityGroup("sg-a", "a", "", "vpc-1", List.of(), Map.of()));
        groups.insert(new SecurityGroup("sg-b", "b", "", "vpc-1", List.of(), Map.of()));
        assertThat(groups.addRules("sg-a", List.of(tcp("sgr-1", "sg-a", 80, "10.0.0.0/8"))))
                .isEmpty();
        assertThat(groups.addRules(
                        "sg-a",
                        List.of(tcp("sgr-2", "sg-a", 443, "10.0.0.0/8"), tcp("sgr-3", "sg-a", 80, "10.0.0.0/8"))))
                .map(SecurityGroupRule::ruleId)
                .contains("sgr-3");
        assertThat(groups.group("sg-a").orElseThrow().rules())
                .extracting(SecurityGroupRule::ruleId)
                .containsExactly("sgr-1");
        SecurityGroupRule fromB = new SecurityGroupRule(
                "sgr-4", "sg-a", false, "-1", -1, -1, Optional.empty(), Optional.of("sg-b"), Optional.of("b"));
        assertThat(groups.addRules("sg-a", List.of(fromB))).isEmpty();
        assertThat(groups.delete("sg-b").blockedBy()).contains("sg-a");
        assertThat(groups.removeRules("sg-a", List.of("sgr-4", "sgr-nope"))).isEqualTo(1);
        assertThat(groups.delete("sg-b").deleted()).isTrue();
        assertThat(groups.rules())
                .extracting(SecurityGroupRule::ruleId)
                .contains("sgr-1")
                .doesNotContain("sgr-4");
        assertThat(groups.delete("sg-b").found()).isFalse();
    }

    @Test
    void tagsAreReplacedAndRemovedByKeyOrByValue() {
        tags.put(List.of("vpc-1", "sg-1"), Map.of("a", "1", "b", "2"));
        tags.put(List.of("vpc-1"), Map.of("a", "3"));
        assertThat(tags.of("vpc-1")).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
        tags.remove(List.of("vpc-1", "sg-1"), Map.of("a", Optional.of("1"), "b", Optional.empty()));
        assertThat(tags.of("vpc-1")).containsExactly(Map.entry("a", "3"));
        assertThat(tags.of("sg-1")).isEmpty();
        assertThat(tags.all()).containsOnlyKeys("vpc-1");
    }
}
