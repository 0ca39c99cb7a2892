package dev.gantry.control.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.store.ec2.Ec2Store;
import dev.gantry.store.ec2.SecurityGroupStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory reads what the EC2 store holds: the seeded default VPC and what the API created. */
class StoredNetworkDirectoryTest {
    @TempDir
    Path dir;

    Database db;
    Ec2Store store;
    SecurityGroupStore groups;
    StoredNetworkDirectory directory;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        store = new Ec2Store(db, "eu-west-1");
        groups = new SecurityGroupStore(db);
        directory = new StoredNetworkDirectory(store, groups);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readsDefaultsAndCreatedObjects() {
        assertThat(directory.subnets()).isEmpty();
        store.ensureDefaults("gantry", "172.30.0.0/16", "172.30.0.1");
        assertThat(directory.subnet(DefaultVpc.SUBNET_ID))
                .map(Subnet::networkName)
                .contains("gantry");
        assertThat(directory.vpc(DefaultVpc.VPC_ID)).map(Vpc::isDefault).contains(true);
        assertThat(directory.defaultSecurityGroup(DefaultVpc.VPC_ID))
                .map(SecurityGroup::groupId)
                .contains(DefaultVpc.SECURITY_GROUP_ID);
        assertThat(directory.gateway(DefaultVpc.SUBNET_ID)).contains("172.30.0.1");

        store.insertVpc(
                new Vpc("vpc-1", "10.1.0.0/16", false, "available", Map.of()),
                Ec2Store.defaultGroup("vpc-1", "sg-1", "sgr-1", "sgr-2", "sgr-3"));
        store.insertSubnet(
                new Subnet(
                        "subnet-1",
                        "vpc-1",
                        "10.1.0.0/24",
                        "eu-west-1b",
                        false,
                        false,
                        true,
                        "gantry-subnet-1",
                        Map.of()),
                "10.1.0.1");
        assertThat(directory.subnets()).extracting(Subnet::subnetId).containsExactly(DefaultVpc.SUBNET_ID, "subnet-1");
        assertThat(directory.subnet("subnet-1")).map(Subnet::privateSubnet).contains(true);
        assertThat(directory.defaultSecurityGroup("vpc-1"))
                .map(SecurityGroup::groupId)
                .contains("sg-1");
        assertThat(directory.securityGroup("sg-1").orElseThrow().rules()).hasSize(3);
        assertThat(directory.securityGroups())
                .extracting(SecurityGroup::groupId)
                .containsExactly(DefaultVpc.HOST_SECURITY_GROUP_ID, DefaultVpc.SECURITY_GROUP_ID, "sg-1");
        assertThat(directory.securityGroup("sg-nope")).isEmpty();
        assertThat(TaskInterfaces.NONE.anyIn("subnet-1")).isFalse();
        assertThat(List.of(directory.vpc("vpc-nope"))).containsExactly(java.util.Optional.empty());
    }
}
