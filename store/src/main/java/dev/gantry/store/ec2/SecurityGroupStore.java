package dev.gantry.store.ec2;

import dev.gantry.core.ec2.PermissionRules;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security groups and their rules. A group's name is unique in its VPC and rules are checked for duplicates (same
 * direction, protocol, ports and peer) in the transaction that writes them, so two concurrent requests cannot both
 * add one. A group that another group's rule names cannot be deleted.
 */
public final class SecurityGroupStore {
    private final Database db;

    public SecurityGroupStore(Database db) {
        this.db = db;
    }

    /** Inserts {@code group} with its rules and tags, unless its VPC has a group of that name: then that one. */
    public Optional<SecurityGroup> insert(SecurityGroup group) {
        return db.write(c -> {
            Optional<SecurityGroup> existing = byName(c, group.vpcId(), group.groupName());
            if (existing.isPresent()) {
                return existing;
            }
            insert(c, group);
            return Optional.empty();
        });
    }

    static void insert(Connection c, SecurityGroup group) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO ec2_security_groups(group_id, vpc_id, name, seq, body) VALUES (?,?,?,?,?)",
                group.groupId(),
                group.vpcId(),
                group.groupName(),
                Sql.nextSeq(c, "ec2_security_groups"),
                StoreJson.write(bare(group)));
        insertRules(c, group.rules());
        Ec2TagStore.put(c, group.groupId(), group.tags());
    }

    public Optional<SecurityGroup> group(String groupId) {
        return db.read(c -> group(c, groupId));
    }

    public Optional<SecurityGroup> byName(String vpcId, String name) {
        return db.read(c -> byName(c, vpcId, name));
    }

    /** Every group with its rules and tags, oldest first. */
    public List<SecurityGroup> groups() {
        return db.read(c -> {
            Map<String, List<SecurityGroupRule>> rules = new LinkedHashMap<>();
            for (SecurityGroupRule r : allRules(c)) {
                rules.computeIfAbsent(r.groupId(), k -> new ArrayList<>()).add(r);
            }
            Map<String, Map<String, String>> tags = Ec2TagStore.all(c);
            List<SecurityGroup> out = new ArrayList<>();
            for (SecurityGroup g :
                    Sql.bodies(c, SecurityGroup.class, "SELECT body FROM ec2_security_groups ORDER BY seq")) {
                out.add(new SecurityGroup(
                        g.groupId(),
                        g.groupName(),
                        g.description(),
                        g.vpcId(),
                        rules.getOrDefault(g.groupId(), List.of()),
                        tags.getOrDefault(g.groupId(), Map.of())));
            }
            return out;
        });
    }

    /** Every rule of every group, with its tags, in creation order. */
    public List<SecurityGroupRule> rules() {
        return db.read(SecurityGroupStore::allRules);
    }

    /** Deletes the group, its rules and tags; blocked while a rule of another group names it. */
    public Deletion delete(String groupId) {
        return db.write(c -> {
            if (group(c, groupId).isEmpty()) {
                return Deletion.NOT_FOUND;
            }
            List<String> users = Sql.strings(
                    c,
                    "SELECT DISTINCT group_id FROM ec2_rules WHERE referenced_group_id = ? AND group_id <> ?",
                    groupId,
                    groupId);
            if (!users.isEmpty()) {
                return Deletion.blocked(users.getFirst());
            }
            for (String rule : Sql.strings(c, "SELECT rule_id FROM ec2_rules WHERE group_id = ?", groupId)) {
                Ec2TagStore.removeAll(c, rule);
            }
            Sql.update(c, "DELETE FROM ec2_rules WHERE group_id = ?", groupId);
            Sql.update(c, "DELETE FROM ec2_security_groups WHERE group_id = ?", groupId);
            Ec2TagStore.removeAll(c, groupId);
            return Deletion.DELETED;
        });
    }

    /**
     * Adds {@code rules} to their group, all or none: returns the first that allows what an existing rule (or an
     * earlier one of the batch) already allows, writing nothing; empty when all were added.
     */
    public Optional<SecurityGroupRule> addRules(String groupId, List<SecurityGroupRule> rules) {
        return db.write(c -> {
            List<SecurityGroupRule> have = new ArrayList<>(rulesOf(c, groupId));
            for (SecurityGroupRule r : rules) {
                if (have.stream().anyMatch(h -> PermissionRules.samePermission(h, r))) {
                    return Optional.of(r);
                }
                have.add(r);
            }
            insertRules(c, rules);
            return Optional.empty();
        });
    }

    /** Removes the rules of the group with these ids; returns how many there were. */
    public int removeRules(String groupId, Collection<String> ruleIds) {
        return db.write(c -> {
            int n = 0;
            for (String id : ruleIds) {
                n += Sql.update(c, "DELETE FROM ec2_rules WHERE group_id = ? AND rule_id = ?", groupId, id);
                Ec2TagStore.removeAll(c, id);
            }
            return n;
        });
    }

    static void insertRules(Connection c, List<SecurityGroupRule> rules) throws SQLException {
        for (SecurityGroupRule r : rules) {
            Sql.update(
                    c,
                    "INSERT INTO ec2_rules(rule_id, group_id, seq, referenced_group_id, body) VALUES (?,?,?,?,?)",
                    r.ruleId(),
                    r.groupId(),
                    Sql.nextSeq(c, "ec2_rules"),
                    r.referencedGroupId().orElse(""),
                    StoreJson.write(r));
        }
    }

    static Optional<SecurityGroup> group(Connection c, String groupId) throws SQLException {
        Optional<SecurityGroup> g =
                Sql.body(c, SecurityGroup.class, "SELECT body FROM ec2_security_groups WHERE group_id = ?", groupId);
        return g.isEmpty() ? g : Optional.of(whole(c, g.get()));
    }

    static Optional<SecurityGroup> byName(Connection c, String vpcId, String name) throws SQLException {
        Optional<SecurityGroup> g = Sql.body(
                c,
                SecurityGroup.class,
                "SELECT body FROM ec2_security_groups WHERE vpc_id = ? AND name = ?",
                vpcId,
                name);
        return g.isEmpty() ? g : Optional.of(whole(c, g.get()));
    }

    static List<String> groupIdsOf(Connection c, String vpcId) throws SQLException {
        return Sql.strings(c, "SELECT group_id FROM ec2_security_groups WHERE vpc_id = ? ORDER BY seq", vpcId);
    }

    private static SecurityGroup whole(Connection c, SecurityGroup g) throws SQLException {
        return new SecurityGroup(
                g.groupId(),
                g.groupName(),
                g.description(),
                g.vpcId(),
                rulesOf(c, g.groupId()),
                Ec2TagStore.of(c, g.groupId()));
    }

    private static List<SecurityGroupRule> rulesOf(Connection c, String groupId) throws SQLException {
        return Sql.bodies(
                c, SecurityGroupRule.class, "SELECT body FROM ec2_rules WHERE group_id = ? ORDER BY seq", groupId);
    }

    private static List<SecurityGroupRule> allRules(Connection c) throws SQLException {
        return Sql.bodies(c, SecurityGroupRule.class, "SELECT body FROM ec2_rules ORDER BY seq");
    }

    private static SecurityGroup bare(SecurityGroup g) {
        return new SecurityGroup(g.groupId(), g.groupName(), g.description(), g.vpcId(), List.of(), Map.of());
    }
}
