package dev.gantry.control.firewall;

import dev.gantry.control.feed.Subscription;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.feed.TaskTransition;
import dev.gantry.control.network.NetworkChanges;
import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.control.task.SandboxGuard;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of every task's packet filters. It knows each live task's interface (from its sandbox: when the
 * runner claims it, or, for a task re-adopted after a restart, from the driver), plans all rulesets with {@link
 * FirewallPlanner} from the security groups as stored, and applies the ones whose text changed through {@link
 * NamespaceFilters}. A task's own filters are applied synchronously before its containers start ({@link
 * #sandboxReady}); everyone else's follow on one coalescing worker thread, woken by {@link #securityGroupsChanged()}
 * (a rule or group changed) and by tasks starting or stopping (which change the addresses a group stands for), and
 * every {@link #RESYNC} regardless.
 */
public final class Firewall implements SandboxGuard, NetworkChanges, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Firewall.class);
    /** How often every ruleset is re-planned even when nothing woke the worker. */
    static final Duration RESYNC = Duration.ofSeconds(30);

    private final NetworkDirectory directory;
    private final HostGroups hostGroups;
    private final TaskGroups taskGroups;
    private final TaskDriver driver;
    private final NamespaceFilters filters;
    /** Reads a task by id (the store): a re-adopted task's security groups are in its spec. */
    private final Function<String, Optional<Task>> tasks;

    private final Optional<String> unavailable;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    /**
     * Re-adopted tasks whose sandbox or spec could not be read when their transition came (an engine hiccup): each
     * pass tries them again, so none stays outside its groups with stale filters.
     */
    private final java.util.Set<String> unresolved = ConcurrentHashMap.newKeySet();
    /** Task id → what was applied last (namespace and ruleset hash); guarded by {@link #lock}. */
    private final Map<String, Applied> applied = new HashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private Thread worker;
    private Subscription subscription;

    private record Member(TaskInterface iface, String sandboxId) {}

    private record Applied(String netns, String hash) {}

    public Firewall(
            NetworkDirectory directory,
            HostGroups hostGroups,
            TaskGroups taskGroups,
            TaskDriver driver,
            NamespaceFilters filters,
            Function<String, Optional<Task>> tasks) {
        this.tasks = tasks;
        this.directory = directory;
        this.hostGroups = hostGroups;
        this.taskGroups = taskGroups;
        this.driver = driver;
        this.filters = filters;
        this.unavailable = filters.unavailable();
        unavailable.ifPresent(why -> LOG.atWarn().addKeyValue("why", why).log("tasks will not start: " + why));
    }

    /** Why filters cannot be applied here (and so tasks will not start), or empty. */
    public Optional<String> unavailable() {
        return unavailable;
    }

    /**
     * Starts the worker and follows the task feed from a snapshot of the unfinished tasks, so the filters of tasks
     * re-adopted after a restart are re-planned (and re-applied where their namespace lost or never had them).
     */
    public Firewall start(TaskFeed feed) {
        start();
        subscription = feed.subscribe("firewall", TaskFeed.DEFAULT_CAPACITY, true, this::onTransition);
        return this;
    }

    /** Starts the worker only: tasks become known through {@link #admit} alone (tests, benchmarks). */
    public Firewall start() {
        worker = Thread.ofVirtual().name("firewall").start(this::work);
        return this;
    }

    @Override
    public void sandboxReady(TaskSpec task, Sandbox sandbox) {
        admit(task.taskId(), taskGroups.of(task), sandbox);
    }

    /**
     * Makes the task's sandbox a member of its groups and applies its filters now; the other tasks' filters follow
     * on the worker. Throws {@link Refused} when they cannot be applied: the task must not run unfiltered.
     */
    public void admit(String taskId, List<String> securityGroupIds, Sandbox sandbox) {
        if (unavailable.isPresent()) {
            throw new Refused(unavailable.get());
        }
        members.put(taskId, member(taskId, securityGroupIds, sandbox));
        lock.lock();
        try {
            Ruleset mine = plan().get(taskId);
            if (!applyTo(taskId, mine)) {
                throw new Refused("the task's security group filters could not be applied (its network sandbox has no"
                        + " running process)");
            }
        } catch (NamespaceFilters.FilterFailure e) {
            throw new Refused(e.getMessage());
        } finally {
            lock.unlock();
        }
        securityGroupsChanged(); // its groups now stand for one more address: the others' filters follow
    }

    @Override
    public void securityGroupsChanged() {
        wake.release();
    }

    /** The interfaces of the live tasks Gantry filters, by task id order. */
    public List<TaskInterface> interfaces() {
        return members.values().stream()
                .map(Member::iface)
                .sorted(Comparator.comparing(TaskInterface::taskId))
                .toList();
    }

    /** Which task may open what to which, as the current rules say. */
    public List<Reach> reachability() {
        return FirewallPlanner.reachability(interfaces(), directory.securityGroups(), hostGroups.groupIds());
    }

    private static Member member(String taskId, List<String> groups, Sandbox sandbox) {
        return new Member(
                new TaskInterface(
                        taskId, sandbox.ipv4Address(), sandbox.subnetCidr(), sandbox.gatewayAddress(), groups),
                sandbox.runtimeId());
    }

    /** Forgets a task (its sandbox is gone); the others' filters follow on the worker. */
    public void forget(String taskId) {
        unresolved.remove(taskId);
        if (members.remove(taskId) != null) {
            wake.release();
        }
    }

    void onTransition(TaskTransition t) {
        if (t.isStopped() || t.to().hasReached(TaskPhase.DEPROVISIONING)) {
            forget(t.taskId());
            return;
        }
        if (members.containsKey(t.taskId()) || !t.to().hasReached(TaskPhase.PULLING)) {
            return; // known, or its sandbox is not claimed yet (the runner's guard will add it)
        }
        if (t.cause() == TaskTransition.Cause.CHANGED) {
            return; // a task that started under this server went through the guard
        }
        // re-adopted after a restart: its interface is its sandbox's
        if (!adopt(t.taskId())) {
            unresolved.add(t.taskId());
        }
        wake.release();
    }

    /** Makes a re-adopted task a member from its sandbox and stored spec; false when either cannot be read now. */
    private boolean adopt(String taskId) {
        try {
            Optional<Sandbox> sandbox = driver.findSandbox(taskId);
            Optional<TaskSpec> spec = sandbox.flatMap(s -> tasks.apply(taskId).map(Task::spec));
            if (sandbox.isEmpty() || spec.isEmpty()) {
                return false;
            }
            members.put(taskId, member(taskId, taskGroups.of(spec.get()), sandbox.get()));
            return true;
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("taskId", taskId)
                    .addKeyValue("why", String.valueOf(e.getMessage()))
                    .log("a re-adopted task's sandbox could not be read; retrying on the next pass");
            return false;
        }
    }

    private void work() {
        while (!closed) {
            try {
                wake.tryAcquire(RESYNC.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits(); // everything asked for so far is covered by this one pass
                if (!reconcile()) {
                    wake.release(); // try again soon rather than at the next resync; admit() is not held up
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("firewall pass failed; retrying on the next change or resync");
            }
        }
    }

    /**
     * Plans every ruleset and applies those that changed; a task whose apply fails (or whose sandbox cannot be read)
     * is retried next pass, without stopping the others'. False when some task is left to retry.
     */
    boolean reconcile() {
        unresolved.removeIf(id -> members.containsKey(id) || adopt(id));
        lock.lock();
        try {
            Map<String, Ruleset> plan = plan();
            applied.keySet().retainAll(plan.keySet());
            List<String> failed = new ArrayList<>();
            for (Ruleset r : plan.values()) {
                try {
                    applyTo(r.taskId(), r);
                } catch (RuntimeException e) { // a filter failure, or the engine failing to inspect the sandbox
                    failed.add(r.taskId());
                    LOG.atWarn()
                            .addKeyValue("taskId", r.taskId())
                            .addKeyValue("why", String.valueOf(e.getMessage()))
                            .log("applying a task's security group filters failed");
                }
            }
            return failed.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Ruleset> plan() {
        List<TaskInterface> ifaces =
                members.values().stream().map(Member::iface).toList();
        return FirewallPlanner.plan(ifaces, directory.securityGroups(), hostGroups.groupIds());
    }

    /** Applies unless this namespace already has exactly this ruleset; false when the sandbox has no process. */
    private boolean applyTo(String taskId, Ruleset r) {
        Member m = members.get(taskId);
        if (m == null || r == null) {
            return false;
        }
        Optional<String> netns = driver.sandboxNetns(m.sandboxId());
        if (netns.isEmpty()) {
            return false;
        }
        Applied want = new Applied(netns.get(), r.hash());
        if (want.equals(applied.get(taskId))) {
            return true;
        }
        filters.apply(netns.get(), r.text());
        applied.put(taskId, want);
        LOG.atDebug()
                .addKeyValue("taskId", taskId)
                .addKeyValue("groups", m.iface().securityGroupIds())
                .addKeyValue("hash", want.hash().substring(0, 12))
                .log("security group filters applied");
        return true;
    }

    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (worker != null) {
            worker.interrupt();
        }
    }
}
