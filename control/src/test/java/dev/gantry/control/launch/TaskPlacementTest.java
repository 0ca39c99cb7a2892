package dev.gantry.control.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.control.network.FixedNetworkDirectory;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.task.TaskNetwork;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where tasks go: ECS's rules for awsvpcConfiguration against the VPCs, subnets and groups that exist. */
class TaskPlacementTest {
    private final FixedNetworkDirectory directory = FixedNetworkDirectory.defaultVpc("gantry", "172.30.0.0/16")
            .add(new Vpc("vpc-a", "10.10.0.0/16", false, "available", Map.of()))
            .add(subnet("subnet-a1", "vpc-a", "10.10.1.0/24"))
            .add(subnet("subnet-a2", "vpc-a", "10.10.2.0/24"))
            .add(new SecurityGroup("sg-a-default", "default", "", "vpc-a", List.of(), Map.of()))
            .add(new SecurityGroup("sg-web", "web", "", "vpc-a", List.of(), Map.of()));
    private final TaskPlacement placement = new TaskPlacement(directory);

    private static Subnet subnet(String id, String vpc, String cidr) {
        return new Subnet(id, vpc, cidr, "us-east-1a", false, false, false, "gantry-" + id, Map.of());
    }

    private static AwsVpcConfiguration config(List<String> subnets, List<String> groups, String publicIp) {
        return new AwsVpcConfiguration(subnets, groups, publicIp);
    }

    @Test
    void aTaskGoesInTheSubnetItNamesWithItsGroups() {
        List<TaskNetwork> placed = placement.place(config(List.of("subnet-a1"), List.of("sg-web"), "ENABLED"), 1);
        assertThat(placed)
                .containsExactly(new TaskNetwork("subnet-a1", "vpc-a", "gantry-subnet-a1", List.of("sg-web"), true));
    }

    @Test
    void noGroupNamedMeansTheVpcsDefaultGroup() {
        assertThat(placement.place(config(List.of(DefaultVpc.SUBNET_ID), null, null), 1))
                .containsExactly(new TaskNetwork(
                        DefaultVpc.SUBNET_ID,
                        DefaultVpc.VPC_ID,
                        "gantry",
                        List.of(DefaultVpc.SECURITY_GROUP_ID),
                        false));
        assertThat(placement
                        .place(config(List.of("subnet-a2"), List.of(), null), 1)
                        .getFirst()
                        .securityGroupIds())
                .containsExactly("sg-a-default");
    }

    @Test
    void theHostsGroupIsNoTasksGroup() {
        assertThatThrownBy(() -> placement.place(
                        config(List.of(DefaultVpc.SUBNET_ID), List.of(DefaultVpc.HOST_SECURITY_GROUP_ID), null), 1))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining(DefaultVpc.HOST_SECURITY_GROUP_ID)
                .hasMessageContaining("cannot be a task's security group");
    }

    @Test
    void tasksAreSpreadAcrossTheSubnetsGiven() {
        List<TaskNetwork> placed = placement.place(config(List.of("subnet-a1", "subnet-a2"), null, null), 4);
        assertThat(placed).extracting(TaskNetwork::subnetId).containsOnly("subnet-a1", "subnet-a2");
        assertThat(placed.stream().filter(n -> n.subnetId().equals("subnet-a1")))
                .hasSize(2);
        // and one task at a time, across launches
        List<String> singles = List.of(
                placement
                        .place(config(List.of("subnet-a1", "subnet-a2"), null, null), 1)
                        .getFirst()
                        .subnetId(),
                placement
                        .place(config(List.of("subnet-a1", "subnet-a2"), null, null), 1)
                        .getFirst()
                        .subnetId());
        assertThat(singles).containsExactlyInAnyOrder("subnet-a1", "subnet-a2");
    }

    @Test
    void anUnknownSubnetIsRefusedInEcsWords() {
        assertThatThrownBy(() -> placement.place(config(List.of("subnet-a1", "subnet-x"), null, null), 1))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessage("Error retrieving subnet information for [subnet-x]: The subnet ID 'subnet-x' does not "
                        + "exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID.NotFound)");
        assertThatThrownBy(() -> placement.check(new NetworkConfiguration(config(List.of("subnet-1"), null, null))))
                .hasMessageContaining("InvalidSubnetID.NotFound");
    }

    @Test
    void subnetsOfTwoVpcsAreRefused() {
        assertThatThrownBy(() -> placement.place(config(List.of("subnet-a1", DefaultVpc.SUBNET_ID), null, null), 1))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("not all in the same VPC")
                .hasMessageContaining("subnet-gantry in vpc-gantry");
    }

    @Test
    void anUnknownGroupOrOneOfAnotherVpcIsRefused() {
        assertThatThrownBy(() -> placement.place(config(List.of("subnet-a1"), List.of("sg-nope"), null), 1))
                .isInstanceOf(ApiException.class)
                .hasMessage("Error retrieving security group information for [sg-nope]: The security group 'sg-nope' "
                        + "does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidGroup.NotFound)");
        assertThatThrownBy(() ->
                        placement.place(config(List.of("subnet-a1"), List.of(DefaultVpc.SECURITY_GROUP_ID), null), 1))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith(
                        "Security group sg-gantry does not appear to belong to the same VPC as the input subnets");
    }
}
