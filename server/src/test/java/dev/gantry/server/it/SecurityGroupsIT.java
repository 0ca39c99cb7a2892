package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.gantry.control.firewall.Firewall;
import dev.gantry.control.firewall.HostGroups;
import dev.gantry.control.firewall.NsenterIptables;
import dev.gantry.control.firewall.TaskGroups;
import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.runtime.docker.DockerDriver;
import dev.gantry.runtime.docker.DockerDriverConfig;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Done when" #2 with real packets: two tasks' sandboxes on the real engine, a web server in one and a client in the
 * other, in two security groups. Without an ingress rule the client's connection times out; once the server's
 * group admits the client's group it connects; once revoked it times out again; neither task restarts. The groups
 * live in an in-memory {@link NetworkDirectory} standing in for the EC2 store (this slice's seam until the EC2 API
 * and the task's network spec are wired), and the server's and client's filters are applied by the real {@link
 * Firewall} through nsenter and iptables-restore.
 */
class SecurityGroupsIT {
    static final String INSTALLATION = "fw" + hex();
    static final String IMAGE = "gantry-it/fw-busybox:1";
    static final String SERVER_GROUP = "sg-fwserver";
    static final String CLIENT_GROUP = "sg-fwclient";
    static final Duration LIMIT = Duration.ofSeconds(30);

    static DockerDriver driver;
    static DockerClient docker;
    static final Groups groups = new Groups();
    static Firewall firewall;

    @BeforeAll
    static void start() {
        driver = new DockerDriver(DockerDriverConfig.defaults(INSTALLATION).withWarmSandboxes(0));
        driver.start();
        driver.buildBusyboxImage(
                IMAGE,
                Path.of("/bin/busybox"),
                Map.of("/www/index.html", "hello through the firewall\n".getBytes(StandardCharsets.UTF_8)),
                List.of(),
                false);
        docker = Engine.client();
        groups.put(group(SERVER_GROUP));
        groups.put(group(CLIENT_GROUP, rule("e1", CLIENT_GROUP, true, "-1", -1, -1, "0.0.0.0/0")));
        firewall = new Firewall(
                        groups,
                        HostGroups.HOST_ONLY,
                        TaskGroups.DEFAULT_GROUP,
                        driver,
                        new NsenterIptables(),
                        id -> Optional.empty())
                .start();
        assertThat(firewall.unavailable()).isEmpty();
    }

    @AfterAll
    static void stop() throws Exception {
        if (firewall != null) {
            firewall.close();
        }
        if (driver != null) {
            driver.listOwned().forEach(o -> driver.removeContainer(o.runtimeId()));
            driver.close();
        }
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void aConnectionNeedsAnIngressRuleFromTheClientsGroupAndStopsWhenItIsRevoked() throws Exception {
        Sandbox server = task("server", SERVER_GROUP, "httpd", "-f", "-p", "8080", "-h", "/www");
        Sandbox client = task("client", CLIENT_GROUP, "sleep", "3600");
        String clientContainer = containerOf("client");
        String url = server.ipv4Address();
        Map<String, String> startedAt = startTimes();

        Probe before = probe(clientContainer, url);
        assertThat(before.exitCode()).as("no ingress rule: %s", before).isNotZero();
        assertThat(before.output()).contains("timed out"); // dropped, not refused: as a security group does

        groups.put(group(SERVER_GROUP, rule("r1", SERVER_GROUP, false, "tcp", 8080, 8080, CLIENT_GROUP)));
        firewall.securityGroupsChanged();
        Probe allowed = await(clientContainer, url, p -> p.exitCode() == 0);
        assertThat(allowed.output()).contains("hello through the firewall");

        groups.put(group(SERVER_GROUP));
        firewall.securityGroupsChanged();
        Probe revoked = await(clientContainer, url, p -> p.exitCode() != 0);
        assertThat(revoked.output()).contains("timed out");

        // neither task restarted: the same sandboxes, and containers started once, before the first probe
        assertThat(driver.findSandbox(TASK_IDS.get("server"))).contains(server);
        assertThat(driver.findSandbox(TASK_IDS.get("client"))).contains(client);
        assertThat(startTimes()).isEqualTo(startedAt);
    }

    // ---- fixtures ----

    private static final Map<String, String> TASK_IDS = new ConcurrentHashMap<>();
    private static final Map<String, String> CONTAINERS = new ConcurrentHashMap<>();

    /** Claims a sandbox, admits it to its group (filters first), then starts its one container. */
    static Sandbox task(String name, String group, String... command) {
        String id = name + hex();
        TASK_IDS.put(name, id);
        TaskRef ref = new TaskRef(id, "arn:aws:ecs:us-east-1:000000000000:task/it/" + id, "it", "fw-" + name, 1);
        Sandbox sandbox = driver.claimSandbox(ref, new TaskResources(128L << 20, 250_000_000L));
        firewall.admit(id, List.of(group), sandbox);
        String container = driver.createContainer(sandbox, spec(ref, name, command));
        driver.startContainer(container);
        CONTAINERS.put(name, container);
        return sandbox;
    }

    static Map<String, String> startTimes() {
        Map<String, String> m = new java.util.TreeMap<>();
        CONTAINERS.forEach((name, id) ->
                m.put(name, docker.inspectContainerCmd(id).exec().getState().getStartedAt()));
        return m;
    }

    static String containerOf(String name) {
        return CONTAINERS.get(name);
    }

    record Probe(long exitCode, String output) {}

    /** An HTTP GET with nc from inside the client's container, giving up after 2 s unanswered ("timed out"). */
    static Probe probe(String container, String address) throws InterruptedException {
        var exec = docker.execCreateCmd(container)
                .withCmd("sh", "-c", "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + address + " 8080")
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docker.execStartCmd(exec.getId())
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        out.writeBytes(frame.getPayload());
                    }
                })
                .awaitCompletion();
        Long code = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        return new Probe(code == null ? -1 : code, out.toString(StandardCharsets.UTF_8));
    }

    /** Probes until {@code done}; the limit only guards against a hang, it is not a timing assertion. */
    static Probe await(String container, String address, Predicate<Probe> done) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Probe p = probe(container, address);
            if (done.test(p)) {
                return p;
            }
            if (System.nanoTime() > deadline) {
                fail("gave up; last probe: " + p);
            }
            Thread.sleep(100);
        }
    }

    static ContainerSpec spec(TaskRef task, String name, String... command) {
        return new ContainerSpec(
                task,
                name,
                IMAGE,
                List.of(),
                List.of(command),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0,
                0,
                List.of(),
                false,
                Optional.empty(),
                Map.of(),
                false,
                false,
                Duration.ofSeconds(1));
    }

    static SecurityGroup group(String id, SecurityGroupRule... rules) {
        return new SecurityGroup(id, id, "it", "vpc-gantry", List.of(rules), Map.of());
    }

    static SecurityGroupRule rule(
            String id, String group, boolean egress, String proto, int from, int to, String peer) {
        boolean sg = peer.startsWith("sg-");
        return new SecurityGroupRule(
                id,
                group,
                egress,
                proto,
                from,
                to,
                sg ? Optional.empty() : Optional.of(peer),
                sg ? Optional.of(peer) : Optional.empty(),
                Optional.empty());
    }

    static String hex() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The security groups, mutable: what the EC2 store would hold. */
    static final class Groups implements NetworkDirectory {
        private final Map<String, SecurityGroup> byId = new ConcurrentHashMap<>();

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
