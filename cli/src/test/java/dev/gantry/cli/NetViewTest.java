package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

class NetViewTest {

    @Test
    void rendersSubnetsGroupsInterfacesAndReachability() {
        Subnet def = Subnet.builder()
                .subnetId("subnet-gantry")
                .vpcId("vpc-gantry")
                .cidrBlock("172.18.0.0/16")
                .availabilityZone("us-east-1a")
                .defaultForAz(true)
                .build();
        Subnet priv = Subnet.builder()
                .subnetId("subnet-0b")
                .vpcId("vpc-1")
                .cidrBlock("10.0.1.0/24")
                .availabilityZone("us-east-1b")
                .defaultForAz(false)
                .tags(t -> t.key("gantry:private").value("true"))
                .build();
        SecurityGroup web = SecurityGroup.builder()
                .groupId("sg-web")
                .groupName("web")
                .vpcId("vpc-1")
                .description("frontend")
                .ipPermissions(NetReachTest.group("tcp", 80, 80, NetCommand.HOST_GROUP))
                .ipPermissionsEgress(NetReachTest.ANY_OUT)
                .build();
        SecurityGroup db = SecurityGroup.builder()
                .groupId("sg-db")
                .groupName("db")
                .vpcId("vpc-1")
                .ipPermissions(NetReachTest.group("tcp", 5432, 5432, "sg-web"))
                .build();
        List<NetView.Interface> ifaces = List.of(
                new NetView.Interface("t1", "web:1", "eni-1", "10.0.1.10", "subnet-0b", List.of("sg-web")),
                new NetView.Interface("t2", "db:4", "eni-2", "10.0.1.11", "subnet-0b", List.of("sg-db")));

        String out = NetView.render(
                new NetView.Snapshot(List.of(def, priv), List.of(web, db), ifaces, Set.of(NetCommand.HOST_GROUP)));

        assertThat(out)
                .contains("subnet-0b       vpc-1        10.0.1.0/24     us-east-1b   private   gantry-subnet-0b")
                .contains("subnet-gantry   vpc-gantry   172.18.0.0/16   us-east-1a   public    (default task network)")
                .contains("  sg-web web (vpc-1): frontend\n"
                        + "    inbound:\n"
                        + "      tcp 80 from sg-gantry-host (the host)\n"
                        + "    outbound:\n"
                        + "      all traffic to anywhere (0.0.0.0/0)\n")
                .contains("  sg-db db (vpc-1)\n    inbound:\n      tcp 5432 from sg-web (web)\n    outbound: none\n")
                .contains("t1     web:1    10.0.1.10   subnet-0b   sg-web   eni-1")
                .contains("  FROM   TO     MAY OPEN\n"
                        + "  t1     t2     tcp 5432\n"
                        + "  host   t1     tcp 80\n"
                        + "  t1     host   all traffic\n");
    }

    @Test
    void saysSoWhenThereIsNothing() {
        String out = NetView.render(new NetView.Snapshot(List.of(), List.of(), List.of(), Set.of()));
        assertThat(out)
                .contains("Subnets:\n  none\n")
                .contains("no running tasks")
                .contains("  nothing\n");
    }
}
