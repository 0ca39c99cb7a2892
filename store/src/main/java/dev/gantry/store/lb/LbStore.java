package dev.gantry.store.lb;

import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.WeightedTargetGroup;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Load balancers, their listeners and rules, and which listener or rule forwards to which target group. A
 * listener's port is unique across all load balancers (it is a port of this host), a rule's priority within its
 * listener; both are checked in the transaction that writes, so two concurrent requests cannot both win.
 * Deleting a load balancer deletes its listeners, rules and their tags in one transaction.
 */
public final class LbStore {
    private final Database db;

    public LbStore(Database db) {
        this.db = db;
    }

    /** Inserts {@code lb} with its tags, unless one of that name exists: then that one is returned. */
    public Optional<LoadBalancer> insertLoadBalancer(LoadBalancer lb, List<LbTag> tags) {
        return db.write(c -> {
            Optional<LoadBalancer> existing =
                    Rows.body(c, LoadBalancer.class, "SELECT body FROM lb_load_balancers WHERE name = ?", lb.name());
            if (existing.isPresent()) {
                return existing;
            }
            Rows.update(
                    c,
                    "INSERT INTO lb_load_balancers(arn, name, created_at, body) VALUES (?,?,?,?)",
                    lb.arn(),
                    lb.name(),
                    lb.createdAt().toEpochMilli(),
                    StoreJson.write(lb));
            LbTagStore.put(c, lb.arn(), tags);
            return Optional.empty();
        });
    }

    public Optional<LoadBalancer> loadBalancer(String arn) {
        return db.read(c -> Rows.body(c, LoadBalancer.class, "SELECT body FROM lb_load_balancers WHERE arn = ?", arn));
    }

    public Optional<LoadBalancer> loadBalancerByName(String name) {
        return db.read(
                c -> Rows.body(c, LoadBalancer.class, "SELECT body FROM lb_load_balancers WHERE name = ?", name));
    }

    /** All load balancers, oldest first. */
    public List<LoadBalancer> loadBalancers() {
        return db.read(c -> allLoadBalancers(c));
    }

    private static List<LoadBalancer> allLoadBalancers(Connection c) throws SQLException {
        return Rows.bodies(c, LoadBalancer.class, "SELECT body FROM lb_load_balancers ORDER BY created_at, arn");
    }

    public void updateLoadBalancer(LoadBalancer lb) {
        db.write(c ->
                Rows.update(c, "UPDATE lb_load_balancers SET body = ? WHERE arn = ?", StoreJson.write(lb), lb.arn()));
    }

    /** Deletes the load balancer, its listeners and rules, and their tags; false if it did not exist. */
    public boolean deleteLoadBalancer(String arn) {
        return db.write(c -> {
            for (String listener : Rows.strings(c, "SELECT arn FROM lb_listeners WHERE load_balancer_arn = ?", arn)) {
                deleteListener(c, listener);
            }
            LbTagStore.removeAll(c, arn);
            return Rows.update(c, "DELETE FROM lb_load_balancers WHERE arn = ?", arn) > 0;
        });
    }

    /** Inserts the listener, or returns the listener that already holds its port (on any load balancer). */
    public Optional<Listener> insertListener(Listener listener, List<LbTag> tags) {
        return db.write(c -> {
            Optional<Listener> holder = onPort(c, listener.port());
            if (holder.isPresent()) {
                return holder;
            }
            Rows.update(
                    c,
                    "INSERT INTO lb_listeners(arn, load_balancer_arn, port, body) VALUES (?,?,?,?)",
                    listener.arn(),
                    listener.loadBalancerArn(),
                    listener.port(),
                    StoreJson.write(listener));
            writeForwards(c, listener.arn(), listener.loadBalancerArn(), listener.defaultActions());
            LbTagStore.put(c, listener.arn(), tags);
            return Optional.empty();
        });
    }

    /** Replaces the listener, or returns another listener that holds its (new) port. */
    public Optional<Listener> updateListener(Listener listener) {
        return db.write(c -> {
            Optional<Listener> holder =
                    onPort(c, listener.port()).filter(l -> !l.arn().equals(listener.arn()));
            if (holder.isPresent()) {
                return holder;
            }
            Rows.update(
                    c,
                    "UPDATE lb_listeners SET port = ?, body = ? WHERE arn = ?",
                    listener.port(),
                    StoreJson.write(listener),
                    listener.arn());
            writeForwards(c, listener.arn(), listener.loadBalancerArn(), listener.defaultActions());
            return Optional.empty();
        });
    }

    private static Optional<Listener> onPort(Connection c, int port) throws SQLException {
        return Rows.body(c, Listener.class, "SELECT body FROM lb_listeners WHERE port = ?", port);
    }

    public Optional<Listener> listener(String arn) {
        return db.read(c -> Rows.body(c, Listener.class, "SELECT body FROM lb_listeners WHERE arn = ?", arn));
    }

    /** A load balancer's listeners in port order. */
    public List<Listener> listeners(String loadBalancerArn) {
        return db.read(c -> Rows.bodies(
                c,
                Listener.class,
                "SELECT body FROM lb_listeners WHERE load_balancer_arn = ? ORDER BY port",
                loadBalancerArn));
    }

    /** Deletes the listener, its rules and their tags; false if it did not exist. */
    public boolean deleteListener(String arn) {
        return db.write(c -> deleteListener(c, arn));
    }

    private static boolean deleteListener(Connection c, String arn) throws SQLException {
        for (String rule : Rows.strings(c, "SELECT arn FROM lb_rules WHERE listener_arn = ?", arn)) {
            deleteRule(c, rule);
        }
        Rows.update(c, "DELETE FROM lb_forwards WHERE owner_arn = ?", arn);
        LbTagStore.removeAll(c, arn);
        return Rows.update(c, "DELETE FROM lb_listeners WHERE arn = ?", arn) > 0;
    }

    /** Inserts the rule, or returns the rule of its listener that already has its priority. */
    public Optional<Rule> insertRule(Rule rule, String loadBalancerArn, List<LbTag> tags) {
        return db.write(c -> {
            Optional<Rule> holder = atPriority(c, rule.listenerArn(), rule.priority());
            if (holder.isPresent()) {
                return holder;
            }
            Rows.update(
                    c,
                    "INSERT INTO lb_rules(arn, listener_arn, priority, body) VALUES (?,?,?,?)",
                    rule.arn(),
                    rule.listenerArn(),
                    rule.priority(),
                    StoreJson.write(rule));
            writeForwards(c, rule.arn(), loadBalancerArn, rule.actions());
            LbTagStore.put(c, rule.arn(), tags);
            return Optional.empty();
        });
    }

    /** Replaces the rule's conditions and actions (not its priority). */
    public void updateRule(Rule rule, String loadBalancerArn) {
        db.write(c -> {
            Rows.update(c, "UPDATE lb_rules SET body = ? WHERE arn = ?", StoreJson.write(rule), rule.arn());
            writeForwards(c, rule.arn(), loadBalancerArn, rule.actions());
            return null;
        });
    }

    /**
     * Gives each rule its new priority, all or none: returns a rule (not among those being moved, or moved to the
     * same place twice) that holds one of the new priorities, if any.
     */
    public Optional<Rule> setPriorities(Map<String, Integer> priorities) {
        return db.write(c -> {
            List<Rule> moving = new java.util.ArrayList<>();
            for (String arn : priorities.keySet()) {
                moving.add(Rows.body(c, Rule.class, "SELECT body FROM lb_rules WHERE arn = ?", arn)
                        .orElseThrow());
            }
            for (Rule r : moving) { // park them out of the way first, so rules can swap priorities
                Rows.update(c, "UPDATE lb_rules SET priority = -priority WHERE arn = ?", r.arn());
            }
            for (Rule r : moving) {
                int p = priorities.get(r.arn());
                Optional<Rule> holder = atPriority(c, r.listenerArn(), p);
                if (holder.isPresent()) {
                    c.rollback();
                    return holder;
                }
                Rule moved = r.withPriority(p);
                Rows.update(
                        c,
                        "UPDATE lb_rules SET priority = ?, body = ? WHERE arn = ?",
                        p,
                        StoreJson.write(moved),
                        r.arn());
            }
            return Optional.empty();
        });
    }

    private static Optional<Rule> atPriority(Connection c, String listenerArn, int priority) throws SQLException {
        return Rows.body(
                c,
                Rule.class,
                "SELECT body FROM lb_rules WHERE listener_arn = ? AND priority = ?",
                listenerArn,
                priority);
    }

    public Optional<Rule> rule(String arn) {
        return db.read(c -> Rows.body(c, Rule.class, "SELECT body FROM lb_rules WHERE arn = ?", arn));
    }

    /** A listener's rules (not its default rule) in priority order. */
    public List<Rule> rules(String listenerArn) {
        return db.read(c -> Rows.bodies(
                c, Rule.class, "SELECT body FROM lb_rules WHERE listener_arn = ? ORDER BY priority", listenerArn));
    }

    public boolean deleteRule(String arn) {
        return db.write(c -> deleteRule(c, arn));
    }

    private static boolean deleteRule(Connection c, String arn) throws SQLException {
        Rows.update(c, "DELETE FROM lb_forwards WHERE owner_arn = ?", arn);
        LbTagStore.removeAll(c, arn);
        return Rows.update(c, "DELETE FROM lb_rules WHERE arn = ?", arn) > 0;
    }

    /** The load balancers whose listeners or rules forward to the target group. */
    public List<String> loadBalancersOf(String targetGroupArn) {
        return db.read(c -> Rows.strings(
                c,
                "SELECT DISTINCT load_balancer_arn FROM lb_forwards WHERE target_group_arn = ? ORDER BY 1",
                targetGroupArn));
    }

    private static void writeForwards(Connection c, String owner, String lbArn, List<Action> actions)
            throws SQLException {
        Rows.update(c, "DELETE FROM lb_forwards WHERE owner_arn = ?", owner);
        Set<String> groups = new LinkedHashSet<>();
        for (Action a : actions) {
            a.targetGroups().stream().map(WeightedTargetGroup::targetGroupArn).forEach(groups::add);
        }
        for (String g : groups) {
            Rows.update(
                    c,
                    "INSERT INTO lb_forwards(owner_arn, target_group_arn, load_balancer_arn) VALUES (?,?,?)",
                    owner,
                    g,
                    lbArn);
        }
    }

    /** Everything, as of one read transaction (for the router's snapshot). */
    public LbState state() {
        return db.read(c -> new LbState(
                allLoadBalancers(c),
                Rows.bodies(c, Listener.class, "SELECT body FROM lb_listeners ORDER BY load_balancer_arn, port"),
                Rows.bodies(c, Rule.class, "SELECT body FROM lb_rules ORDER BY listener_arn, priority"),
                TargetGroupStore.allGroups(c),
                TargetGroupStore.allTargets(c)));
    }
}
