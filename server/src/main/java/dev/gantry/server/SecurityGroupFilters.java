package dev.gantry.server;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.firewall.Firewall;
import dev.gantry.control.firewall.HostGroups;
import dev.gantry.control.firewall.NsenterIptables;
import dev.gantry.control.firewall.TaskGroups;
import dev.gantry.control.network.NetworkChanges;
import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.control.network.StoredNetworkDirectory;
import dev.gantry.control.task.TaskSupervisor;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.store.ec2.Ec2Store;
import dev.gantry.store.ec2.SecurityGroupStore;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.lb.LbStore;
import dev.gantry.store.sqlite.Database;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires security-group enforcement: the {@link Firewall} over the EC2 store's groups, the load balancers' groups as
 * the host's, nsenter + iptables-restore as the applier. {@link #enable} (on the starter thread, after the default
 * VPC is seeded and before the supervisor re-adopts tasks) makes it every task's sandbox guard. Without a default VPC
 * in the store (the EC2 API not wired) enforcement stays off and says so: a task in a group that does not exist
 * would otherwise be cut off from everything. {@link #changes()} is what the EC2 API nudges after a rule change.
 */
final class SecurityGroupFilters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityGroupFilters.class);

    private final NetworkDirectory directory;
    private final Firewall firewall;
    private volatile boolean enabled;

    SecurityGroupFilters(Database db, String region, TaskStore tasks, TaskDriver driver) {
        this.directory = new StoredNetworkDirectory(new Ec2Store(db, region), new SecurityGroupStore(db));
        LbStore lbs = new LbStore(db);
        this.firewall = new Firewall(
                directory,
                HostGroups.withLoadBalancers(() -> lbs.loadBalancers().stream()
                        .flatMap(lb -> lb.securityGroups().stream())
                        .toList()),
                TaskGroups.PLACED, // the groups the task's launch decided
                driver,
                new NsenterIptables(),
                tasks::find);
    }

    /** Makes the firewall every task's sandbox guard and starts it, if the EC2 store has its default VPC. */
    void enable(TaskSupervisor supervisor, TaskFeed feed) {
        if (directory.vpc(DefaultVpc.VPC_ID).isEmpty()) {
            LOG.atWarn().log("security groups are not enforced: the EC2 store has no default VPC");
            return;
        }
        supervisor.guardSandboxes(firewall);
        firewall.start(feed);
        enabled = true;
        LOG.atInfo()
                .addKeyValue("applier", "nsenter iptables-restore")
                .addKeyValue("unavailable", firewall.unavailable().orElse(""))
                .log("security groups enforced in each task's network namespace");
    }

    /** Why enforcement cannot work on this machine (tasks then fail to start), or empty. */
    Optional<String> unavailable() {
        return firewall.unavailable();
    }

    /** The nudge after a committed security-group change (a no-op until enabled). */
    NetworkChanges changes() {
        return () -> {
            if (enabled) {
                firewall.securityGroupsChanged();
            }
        };
    }

    Firewall firewall() {
        return firewall;
    }

    @Override
    public void close() {
        firewall.close();
    }
}
