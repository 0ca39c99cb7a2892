package dev.gantry.store.ec2;

import dev.gantry.core.ec2.Cidr;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.NetworkRanges;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VPCs and subnets, and the default VPC Gantry seeds ({@link #ensureDefaults}). A subnet's range is checked against
 * every subnet (of every VPC: they are all networks on one host) in the transaction that writes it. A VPC is
 * inserted with its default security group in one transaction, and cannot be deleted while it has subnets or other
 * groups.
 */
public final class Ec2Store {
    private static final Logger log = LoggerFactory.getLogger(Ec2Store.class);
    static final String SELF_RULE = "sgr-gantry-self";
    static final String HOST_RULE = "sgr-gantry-host";
    static final String EGRESS_RULE = "sgr-gantry-egress";

    private final Database db;
    private final String region;

    public Ec2Store(Database db, String region) {
        this.db = db;
        this.region = region;
    }

    /** The availability zone of the default subnet, the region's first. */
    public String defaultZone() {
        return region + "a";
    }

    /**
     * Seeds (or brings up to date) the default VPC, its default subnet realised by the engine network
     * {@code networkName} with range {@code cidr} and gateway {@code gateway}, its default security group and the
     * host's group. Idempotent; when the engine network's range changed, the VPC and subnet follow it.
     */
    public void ensureDefaults(String networkName, String cidr, String gateway) {
        Cidr.parse(cidr).orElseThrow(() -> new IllegalArgumentException("not a CIDR block: " + cidr));
        db.write(c -> {
            Optional<Vpc> vpc = vpc(c, DefaultVpc.VPC_ID);
            if (vpc.isEmpty()) {
                insertVpc(c, new Vpc(DefaultVpc.VPC_ID, cidr, true, "available", Map.of()));
            } else if (!vpc.get().cidrBlock().equals(cidr)) {
                Sql.update(
                        c,
                        "UPDATE ec2_vpcs SET body = ? WHERE vpc_id = ?",
                        StoreJson.write(new Vpc(DefaultVpc.VPC_ID, cidr, true, "available", Map.of())),
                        DefaultVpc.VPC_ID);
            }
            Subnet subnet = new Subnet(
                    DefaultVpc.SUBNET_ID,
                    DefaultVpc.VPC_ID,
                    cidr,
                    defaultZone(),
                    true,
                    true,
                    false,
                    networkName,
                    Map.of());
            if (subnet(c, DefaultVpc.SUBNET_ID).isEmpty()) {
                insertSubnet(c, subnet, gateway);
            } else {
                Sql.update(
                        c,
                        "UPDATE ec2_subnets SET cidr = ?, gateway = ?, body = ? WHERE subnet_id = ?",
                        cidr,
                        gateway,
                        StoreJson.write(subnet),
                        DefaultVpc.SUBNET_ID);
            }
            if (SecurityGroupStore.group(c, DefaultVpc.HOST_SECURITY_GROUP_ID).isEmpty()) {
                SecurityGroupStore.insert(c, hostGroup());
            }
            if (SecurityGroupStore.group(c, DefaultVpc.SECURITY_GROUP_ID).isEmpty()) {
                SecurityGroupStore.insert(
                        c,
                        defaultGroup(
                                DefaultVpc.VPC_ID, DefaultVpc.SECURITY_GROUP_ID, SELF_RULE, HOST_RULE, EGRESS_RULE));
            }
            return null;
        });
        log.atInfo()
                .addKeyValue("network", networkName)
                .addKeyValue("cidr", cidr)
                .addKeyValue("gateway", gateway)
                .log("default VPC ready");
    }

    /** Gantry's well-known group of the host: no members, no rules; rules name it to admit the host. */
    static SecurityGroup hostGroup() {
        return new SecurityGroup(
                DefaultVpc.HOST_SECURITY_GROUP_ID,
                DefaultVpc.HOST_SECURITY_GROUP_NAME,
                "Gantry's host: the router, health checks, Service Connect and the host's own connections",
                DefaultVpc.VPC_ID,
                List.of(),
                Map.of());
    }

    /**
     * A VPC's default group as AWS makes it (all inbound from itself, all outbound to anywhere), plus all inbound
     * from the host's group, with the given ids.
     */
    public static SecurityGroup defaultGroup(
            String vpcId, String groupId, String selfRule, String hostRule, String egressRule) {
        List<SecurityGroupRule> rules = List.of(
                new SecurityGroupRule(
                        selfRule,
                        groupId,
                        false,
                        "-1",
                        -1,
                        -1,
                        Optional.empty(),
                        Optional.of(groupId),
                        Optional.empty()),
                new SecurityGroupRule(
                        hostRule,
                        groupId,
                        false,
                        "-1",
                        -1,
                        -1,
                        Optional.empty(),
                        Optional.of(DefaultVpc.HOST_SECURITY_GROUP_ID),
                        Optional.of("Gantry: the host (router, health checks)")),
                new SecurityGroupRule(
                        egressRule,
                        groupId,
                        true,
                        "-1",
                        -1,
                        -1,
                        Optional.of("0.0.0.0/0"),
                        Optional.empty(),
                        Optional.empty()));
        return new SecurityGroup(
                groupId, DefaultVpc.SECURITY_GROUP_NAME, "default VPC security group", vpcId, rules, Map.of());
    }

    /** Inserts the VPC and its default group, with their tags, in one transaction. */
    public void insertVpc(Vpc vpc, SecurityGroup defaultGroup) {
        db.write(c -> {
            insertVpc(c, vpc);
            SecurityGroupStore.insert(c, defaultGroup);
            return null;
        });
    }

    private static void insertVpc(Connection c, Vpc vpc) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO ec2_vpcs(vpc_id, seq, body) VALUES (?,?,?)",
                vpc.vpcId(),
                Sql.nextSeq(c, "ec2_vpcs"),
                StoreJson.write(new Vpc(vpc.vpcId(), vpc.cidrBlock(), vpc.isDefault(), vpc.state(), Map.of())));
        Ec2TagStore.put(c, vpc.vpcId(), vpc.tags());
    }

    public Optional<Vpc> vpc(String vpcId) {
        return db.read(c -> vpc(c, vpcId));
    }

    /** Every VPC with its tags, oldest first. */
    public List<Vpc> vpcs() {
        return db.read(c -> {
            Map<String, Map<String, String>> tags = Ec2TagStore.all(c);
            List<Vpc> out = new ArrayList<>();
            for (Vpc v : Sql.bodies(c, Vpc.class, "SELECT body FROM ec2_vpcs ORDER BY seq")) {
                out.add(new Vpc(
                        v.vpcId(), v.cidrBlock(), v.isDefault(), v.state(), tags.getOrDefault(v.vpcId(), Map.of())));
            }
            return out;
        });
    }

    /** Deletes the VPC with its default group; blocked while it has a subnet or another group (named). */
    public Deletion deleteVpc(String vpcId) {
        return db.write(c -> {
            if (vpc(c, vpcId).isEmpty()) {
                return Deletion.NOT_FOUND;
            }
            List<String> subnets = Sql.strings(c, "SELECT subnet_id FROM ec2_subnets WHERE vpc_id = ?", vpcId);
            if (!subnets.isEmpty()) {
                return Deletion.blocked(subnets.getFirst());
            }
            Optional<SecurityGroup> defaultGroup = SecurityGroupStore.byName(c, vpcId, DefaultVpc.SECURITY_GROUP_NAME);
            for (String g : SecurityGroupStore.groupIdsOf(c, vpcId)) {
                if (defaultGroup.isEmpty() || !defaultGroup.get().groupId().equals(g)) {
                    return Deletion.blocked(g);
                }
            }
            if (defaultGroup.isPresent()) {
                String id = defaultGroup.get().groupId();
                for (String rule : Sql.strings(c, "SELECT rule_id FROM ec2_rules WHERE group_id = ?", id)) {
                    Ec2TagStore.removeAll(c, rule);
                }
                Sql.update(c, "DELETE FROM ec2_rules WHERE group_id = ?", id);
                Sql.update(c, "DELETE FROM ec2_security_groups WHERE group_id = ?", id);
                Ec2TagStore.removeAll(c, id);
            }
            Sql.update(c, "DELETE FROM ec2_vpcs WHERE vpc_id = ?", vpcId);
            Ec2TagStore.removeAll(c, vpcId);
            return Deletion.DELETED;
        });
    }

    /**
     * Inserts the subnet (with its tags) unless its range overlaps a subnet of any VPC: then that subnet is
     * returned and nothing is written.
     */
    public Optional<Subnet> insertSubnet(Subnet subnet, String gateway) {
        return db.write(c -> {
            Optional<Subnet> conflict =
                    NetworkRanges.conflict(Cidr.parse(subnet.cidrBlock()).orElseThrow(), allSubnets(c));
            if (conflict.isPresent()) {
                return conflict;
            }
            insertSubnet(c, subnet, gateway);
            return Optional.empty();
        });
    }

    private static void insertSubnet(Connection c, Subnet s, String gateway) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO ec2_subnets(subnet_id, vpc_id, seq, cidr, gateway, body) VALUES (?,?,?,?,?,?)",
                s.subnetId(),
                s.vpcId(),
                Sql.nextSeq(c, "ec2_subnets"),
                s.cidrBlock(),
                gateway,
                StoreJson.write(bare(s)));
        Ec2TagStore.put(c, s.subnetId(), s.tags());
    }

    public Optional<Subnet> subnet(String subnetId) {
        return db.read(c -> subnet(c, subnetId));
    }

    /** Every subnet with its tags, oldest first. */
    public List<Subnet> subnets() {
        return db.read(Ec2Store::allSubnets);
    }

    /** The gateway address of the subnet's engine network: where the host's traffic to its tasks comes from. */
    public Optional<String> gateway(String subnetId) {
        return db.read(c -> Sql.strings(c, "SELECT gateway FROM ec2_subnets WHERE subnet_id = ?", subnetId).stream()
                .findFirst());
    }

    public boolean deleteSubnet(String subnetId) {
        return db.write(c -> {
            Ec2TagStore.removeAll(c, subnetId);
            return Sql.update(c, "DELETE FROM ec2_subnets WHERE subnet_id = ?", subnetId) > 0;
        });
    }

    private static Optional<Vpc> vpc(Connection c, String vpcId) throws SQLException {
        Optional<Vpc> v = Sql.body(c, Vpc.class, "SELECT body FROM ec2_vpcs WHERE vpc_id = ?", vpcId);
        if (v.isEmpty()) {
            return v;
        }
        Vpc b = v.get();
        return Optional.of(new Vpc(b.vpcId(), b.cidrBlock(), b.isDefault(), b.state(), Ec2TagStore.of(c, vpcId)));
    }

    private static Optional<Subnet> subnet(Connection c, String subnetId) throws SQLException {
        Optional<Subnet> s = Sql.body(c, Subnet.class, "SELECT body FROM ec2_subnets WHERE subnet_id = ?", subnetId);
        return s.isEmpty() ? s : Optional.of(withTags(s.get(), Ec2TagStore.of(c, subnetId)));
    }

    private static List<Subnet> allSubnets(Connection c) throws SQLException {
        Map<String, Map<String, String>> tags = Ec2TagStore.all(c);
        return Sql.bodies(c, Subnet.class, "SELECT body FROM ec2_subnets ORDER BY seq").stream()
                .map(s -> withTags(s, tags.getOrDefault(s.subnetId(), Map.of())))
                .toList();
    }

    private static Subnet bare(Subnet s) {
        return withTags(s, Map.of());
    }

    private static Subnet withTags(Subnet s, Map<String, String> tags) {
        return new Subnet(
                s.subnetId(),
                s.vpcId(),
                s.cidrBlock(),
                s.availabilityZone(),
                s.defaultForAz(),
                s.mapPublicIpOnLaunch(),
                s.privateSubnet(),
                s.networkName(),
                tags);
    }
}
