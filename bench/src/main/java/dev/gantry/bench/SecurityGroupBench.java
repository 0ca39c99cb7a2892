package dev.gantry.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.gantry.control.firewall.FirewallPlanner;
import dev.gantry.control.firewall.NsenterIptables;
import dev.gantry.control.firewall.TaskInterface;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.runtime.docker.DockerDriver;
import dev.gantry.runtime.docker.DockerDriverConfig;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What security-group filters cost task to task: a busybox httpd in one task's sandbox, a client in another's, on
 * the real engine. Each round measures, from inside the client's container, (a) connection rate: sequential HTTP/1.0
 * requests for a 2-byte file, one {@code nc} per connection; (b) throughput: a 64 MiB file fetched with {@code nc}
 * several times. Rounds alternate between no filters at all (the baseline: ACCEPT policies) and the filters
 * {@link FirewallPlanner} writes for 50 rules per task (49 that do not match the traffic, then the one that does, so
 * each new connection walks all of them), applied with {@code nsenter ... iptables-restore} as Gantry applies them.
 * Usage: {@code ./gantry bench sg [rounds] [connections per round]} (default 5, 300).
 */
public final class SecurityGroupBench {
    private static final String IMAGE = "gantry-bench/sg-busybox:1";
    private static final String OPEN =
            "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";
    private static final int BIG_MIB = 64;
    private static final int FETCHES = 5;

    private SecurityGroupBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int conns = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String installation = "sgbench" + HexFormat.of().formatHex(bytes(3));
        DockerDriver driver =
                new DockerDriver(DockerDriverConfig.defaults(installation).withWarmSandboxes(0));
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        DockerClient docker = DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .build());
        NsenterIptables filters = new NsenterIptables();
        filters.unavailable().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        try {
            driver.start();
            driver.buildBusyboxImage(
                    IMAGE,
                    Path.of("/bin/busybox"),
                    Map.of("/www/small", "ok".getBytes(), "/www/big", new byte[BIG_MIB << 20]),
                    List.of(),
                    false);
            Sandbox server = task(driver, "server", "httpd", "-f", "-p", "8080", "-h", "/www");
            String serverPid =
                    Long.toString(driver.sandboxPid(server.runtimeId()).orElseThrow());
            Sandbox client = task(driver, "client", "sleep", "3600");
            String clientContainer = CONTAINERS.get(client.runtimeId());
            long clientPid = driver.sandboxPid(client.runtimeId()).orElseThrow();
            Map<String, String> fifty = rules(server, client, 49);
            Map<String, String> one = rules(server, client, 0);
            String ip = server.ipv4Address();
            List<double[]> open = new ArrayList<>();
            List<double[]> single = new ArrayList<>();
            List<double[]> filtered = new ArrayList<>();
            List<Map<String, String>> variants = List.of(Map.of(), one, fifty);
            List<List<double[]>> results = List.of(open, single, filtered);
            for (int r = -1; r < rounds; r++) { // one warm-up round of each, not counted
                for (int v = 0; v < variants.size(); v++) {
                    Map<String, String> rules = variants.get(v);
                    filters.apply(
                            driver.sandboxNetns(server.runtimeId()).orElseThrow(), rules.getOrDefault("server", OPEN));
                    filters.apply(
                            driver.sandboxNetns(client.runtimeId()).orElseThrow(), rules.getOrDefault("client", OPEN));
                    double rate = conns / seconds(docker, clientContainer, connectLoop(ip, conns));
                    double mibs = BIG_MIB * FETCHES / seconds(docker, clientContainer, fetchLoop(ip));
                    if (r >= 0) {
                        results.get(v).add(new double[] {rate, mibs});
                    }
                }
            }
            System.out.printf(
                    "%nSecurity groups task to task: no filters vs 50 rules per task (%d rounds each, alternating)%n",
                    rounds);
            System.out.printf("| | no filters | 1 rule | 50 rules | 50 rules / no filters | 50 rules / 1 rule |%n"
                    + "|---|---|---|---|---|---|%n");
            row("connections/s (%d sequential nc per round)".formatted(conns), open, single, filtered, 0);
            row("throughput MiB/s (%d x %d MiB)".formatted(FETCHES, BIG_MIB), open, single, filtered, 1);
        } finally {
            driver.listOwned().forEach(o -> driver.removeContainer(o.runtimeId()));
            driver.close();
            docker.close();
        }
    }

    private static void row(String what, List<double[]> open, List<double[]> one, List<double[]> fifty, int i) {
        double a = median(open.stream().map(x -> x[i]).toList());
        double b = median(one.stream().map(x -> x[i]).toList());
        double c = median(fifty.stream().map(x -> x[i]).toList());
        System.out.printf("| %s | %.1f | %.1f | %.1f | %.3f | %.3f |%n", what, a, b, c, c / a, c / b);
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static String connectLoop(String ip, int n) {
        return "i=0; while [ $i -lt " + n + " ]; do printf 'GET /small HTTP/1.0\\r\\n\\r\\n' | nc " + ip
                + " 8080 >/dev/null || exit 1; i=$((i+1)); done";
    }

    private static String fetchLoop(String ip) {
        return "for i in $(seq 1 " + FETCHES + "); do printf 'GET /big HTTP/1.0\\r\\n\\r\\n' | nc " + ip
                + " 8080 >/dev/null || exit 1; done";
    }

    /** Runs the script in the container; the wall time of the exec, failing if the script failed. */
    private static double seconds(DockerClient docker, String container, String script) throws InterruptedException {
        var exec = docker.execCreateCmd(container)
                .withCmd("sh", "-c", script)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec();
        long began = System.nanoTime();
        docker.execStartCmd(exec.getId())
                .exec(new ResultCallback.Adapter<Frame>())
                .awaitCompletion();
        double s = (System.nanoTime() - began) / 1e9;
        Long code = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        if (code == null || code != 0) {
            throw new IllegalStateException("the client's loop failed (exit " + code + "): " + script);
        }
        return s;
    }

    /** {@code misses} rules per task the benchmark's traffic does not match, then the one it does (rule-id order). */
    private static Map<String, String> rules(Sandbox server, Sandbox client, int misses) {
        List<SecurityGroupRule> in = new ArrayList<>();
        List<SecurityGroupRule> out = new ArrayList<>();
        for (int i = 0; i < misses; i++) {
            in.add(rule("r%02d".formatted(i), "sg-server", false, 10_000 + i, "sg-client"));
            out.add(rule("e%02d".formatted(i), "sg-client", true, 20_000 + i, "sg-server"));
        }
        in.add(rule("r49", "sg-server", false, 8080, "sg-client"));
        out.add(rule("e49", "sg-client", true, 8080, "sg-server"));
        var plan = FirewallPlanner.plan(
                List.of(iface("server", server, "sg-server"), iface("client", client, "sg-client")),
                List.of(
                        new SecurityGroup("sg-server", "server", "", "vpc-gantry", in, Map.of()),
                        new SecurityGroup("sg-client", "client", "", "vpc-gantry", out, Map.of())),
                Set.of());
        return Map.of(
                "server",
                plan.get("server").text(),
                "client",
                plan.get("client").text());
    }

    private static TaskInterface iface(String id, Sandbox s, String group) {
        return new TaskInterface(id, s.ipv4Address(), s.subnetCidr(), s.gatewayAddress(), List.of(group));
    }

    private static SecurityGroupRule rule(String id, String group, boolean egress, int port, String peer) {
        return new SecurityGroupRule(
                id, group, egress, "tcp", port, port, Optional.empty(), Optional.of(peer), Optional.empty());
    }

    private static final Map<String, String> CONTAINERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Sandbox task(DockerDriver driver, String name, String... command) {
        String id = name + HexFormat.of().formatHex(bytes(5));
        TaskRef ref = new TaskRef(id, "arn:aws:ecs:us-east-1:000000000000:task/bench/" + id, "bench", "sg-" + name, 1);
        Sandbox sandbox = driver.claimSandbox(ref, new TaskResources(512L << 20, 1_000_000_000L));
        String c = driver.createContainer(
                sandbox,
                new ContainerSpec(
                        ref,
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
                        Duration.ofSeconds(1)));
        driver.startContainer(c);
        CONTAINERS.put(sandbox.runtimeId(), c);
        return sandbox;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
