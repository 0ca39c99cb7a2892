package dev.gantry.control.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.control.task.SandboxGuard;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The firewall's applying: what reaches the namespaces, when, and what is skipped; on the fake driver. */
class FirewallTest {
    final FakeDriver driver = FakeDriver.builder().build();
    final Groups groups = new Groups();
    final Recorder filters = new Recorder();
    Firewall firewall;

    @BeforeEach
    void start() {
        driver.start();
        groups.put(new SecurityGroup(
                "sg-api",
                "api",
                "",
                "vpc-1",
                List.of(FirewallPlannerTest.in("r1", "sg-api", "tcp", 80, 80, "sg-web")),
                Map.of()));
        groups.put(new SecurityGroup("sg-web", "web", "", "vpc-1", List.of(), Map.of()));
        firewall = new Firewall(
                        groups, HostGroups.HOST_ONLY, TaskGroups.DEFAULT_GROUP, driver, filters, id -> Optional.empty())
                .start();
    }

    @AfterEach
    void stop() {
        firewall.close();
        driver.close();
    }

    @Test
    void aTasksOwnFiltersAreInPlaceWhenAdmitReturnsAndOthersFollowItsArrival() {
        Sandbox api = claim("api");
        firewall.admit("api", List.of("sg-api"), api);
        assertThat(ingress(filters.last(pid(api)))).isEmpty(); // no web task yet

        Sandbox web = claim("web");
        firewall.admit("web", List.of("sg-web"), web);
        assertThat(filters.last(pid(web))).isNotNull(); // synchronously, before admit returned
        await(() -> String.valueOf(filters.last(pid(api)))
                .contains("-A INPUT -s " + web.ipv4Address() + "/32 -p tcp -m tcp --dport 80 -j ACCEPT"));

        firewall.forget("web");
        await(() -> ingress(filters.last(pid(api))).isEmpty());
    }

    @Test
    void aRuleChangeIsAppliedAndAnUnchangedRulesetIsNotAppliedAgain() {
        Sandbox api = claim("api");
        Sandbox web = claim("web");
        firewall.admit("api", List.of("sg-api"), api);
        firewall.admit("web", List.of("sg-web"), web);
        await(() -> !ingress(filters.last(pid(api))).isEmpty());
        firewall.reconcile();
        int applied = filters.applied.size();
        firewall.reconcile();
        assertThat(filters.applied).hasSize(applied);

        groups.put(new SecurityGroup(
                "sg-api",
                "api",
                "",
                "vpc-1",
                List.of(FirewallPlannerTest.in("r1", "sg-api", "tcp", 443, 443, "sg-web")),
                Map.of()));
        firewall.securityGroupsChanged();
        await(() -> ingress(filters.last(pid(api)))
                .equals(List.of("-A INPUT -s " + web.ipv4Address() + "/32 -p tcp -m tcp --dport 443 -j ACCEPT")));
    }

    @Test
    void aSandboxTheEngineCannotInspectHoldsUpNoOtherTask() {
        Map<String, RuntimeException> inspectFails = new ConcurrentHashMap<>();
        TaskDriver flaky = (TaskDriver) Proxy.newProxyInstance(
                TaskDriver.class.getClassLoader(), new Class<?>[] {TaskDriver.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sandboxNetns") && inspectFails.containsKey((String) args[0])) {
                        throw inspectFails.get((String) args[0]);
                    }
                    try {
                        return method.invoke(driver, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (Firewall f = new Firewall(
                groups, HostGroups.HOST_ONLY, TaskGroups.DEFAULT_GROUP, flaky, filters, id -> Optional.empty())) {
            Sandbox broken = claim("a-broken"); // planned before "api": task id order
            Sandbox api = claim("api");
            f.admit("a-broken", List.of("sg-web"), broken);
            f.admit("api", List.of("sg-api"), api);
            inspectFails.put(
                    broken.runtimeId(),
                    new RuntimeError(RuntimeError.Kind.CANNOT_INSPECT_CONTAINER, "engine said 500", true, null));
            groups.put(new SecurityGroup(
                    "sg-api",
                    "api",
                    "",
                    "vpc-1",
                    List.of(FirewallPlannerTest.in("r1", "sg-api", "tcp", 443, 443, "sg-web")),
                    Map.of()));
            assertThat(f.reconcile()).isFalse(); // the broken one is left to retry
            assertThat(ingress(filters.last(pid(api))))
                    .containsExactly("-A INPUT -s " + broken.ipv4Address() + "/32 -p tcp -m tcp --dport 443 -j ACCEPT");
        }
    }

    @Test
    void aTaskIsRefusedWhenItsFiltersCannotBeApplied() {
        Sandbox api = claim("api");
        filters.failing = true;
        assertThatThrownBy(() -> firewall.admit("api", List.of("sg-api"), api))
                .isInstanceOf(SandboxGuard.Refused.class)
                .hasMessageContaining("iptables-restore said no");
    }

    @Test
    void withoutTheToolsEveryTaskIsRefusedSayingWhatToInstall() {
        Recorder missing = new Recorder();
        missing.unavailable = Optional.of(NsenterIptables.MISSING.formatted("nsenter not found"));
        try (Firewall off = new Firewall(
                groups, HostGroups.HOST_ONLY, TaskGroups.DEFAULT_GROUP, driver, missing, id -> Optional.empty())) {
            Sandbox api = claim("api");
            assertThatThrownBy(() -> off.admit("api", List.of("sg-api"), api))
                    .isInstanceOf(SandboxGuard.Refused.class)
                    .hasMessageContaining("nsenter not found")
                    .hasMessageContaining("install util-linux's nsenter and iptables");
            assertThat(missing.applied).isEmpty();
        }
    }

    /** The ruleset's lines that admit a peer (after the always-allowed ones). */
    static List<String> ingress(String ruleset) {
        return ruleset == null
                ? List.of()
                : ruleset.lines().filter(l -> l.startsWith("-A INPUT -s")).toList();
    }

    Sandbox claim(String id) {
        return driver.claimSandbox(
                new TaskRef(id, "arn:aws:ecs:us-east-1:000000000000:task/c/" + id, "c", "f", 1),
                new TaskResources(256L << 20, 250_000_000L));
    }

    String pid(Sandbox s) {
        return driver.sandboxNetns(s.runtimeId()).orElseThrow();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L; // guards against a hang; not a timing assertion
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static final class Recorder implements NamespaceFilters {
        final List<Map.Entry<String, String>> applied = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        Optional<String> unavailable = Optional.empty();

        @Override
        public Optional<String> unavailable() {
            return unavailable;
        }

        @Override
        public void apply(String pid, String ruleset) {
            if (failing) {
                throw new FilterFailure("iptables-restore said no");
            }
            applied.add(Map.entry(pid, ruleset));
        }

        String last(String pid) {
            String last = null;
            for (Map.Entry<String, String> e : applied) {
                if (e.getKey().equals(pid)) {
                    last = e.getValue();
                }
            }
            return last;
        }
    }

    static final class Groups implements NetworkDirectory {
        final Map<String, SecurityGroup> byId = new ConcurrentHashMap<>();

        void put(SecurityGroup g) {
            byId.put(g.groupId(), g);
        }

        @Override
        public Optional<Vpc> vpc(String vpcId) {
            return Optional.empty();
        }

        @Override
        public Optional<Subnet> subnet(String subnetId) {
            return Optional.empty();
        }

        @Override
        public List<Subnet> subnets() {
            return List.of();
        }

        @Override
        public Optional<SecurityGroup> securityGroup(String groupId) {
            return Optional.ofNullable(byId.get(groupId));
        }

        @Override
        public List<SecurityGroup> securityGroups() {
            return List.copyOf(byId.values());
        }

        @Override
        public Optional<SecurityGroup> defaultSecurityGroup(String vpcId) {
            return Optional.empty();
        }
    }
}
