package dev.gantry.bench;

import dev.gantry.control.dns.DiscoveryZones;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Gantry's DNS server from inside a task against a local resolver in the same run. A running task's network
 * namespace is entered ({@code nsenter -n}) to run Debian's {@code dnsperf} from there, against:
 * <ol>
 *   <li>{@code 169.254.169.253:53} for a Gantry name ({@code backend.bench.local}, 3 healthy addresses: the DNAT to
 *       Gantry's listener on the gateway included);
 *   <li>the baseline: dnsmasq (Debian's {@code dnsmasq-base}) on the gateway, answering the same name with the same
 *       3 addresses from a hosts file (its fastest path, no forwarding) — a stand-in for "the host's resolver", since
 *       the host's own may be remote or missing;
 *   <li>{@code 169.254.169.253:53} for a name outside Gantry's zones, which Gantry forwards to that dnsmasq (on
 *       loopback: GANTRY_DNS_UPSTREAMS) — the cost of the forwarder.
 * </ol>
 * Each target gets a throughput run (dnsperf's default 100 queries in flight, {@code seconds} long) and a latency
 * run at a fixed 2,000 queries/s ({@code -v}: each reply's latency, from which p50/p99). Usage:
 * {@code ./gantry bench dns [seconds]} (default 10); needs root, iptables, dnsperf and dnsmasq (the launcher
 * installs the Debian packages when missing).
 */
public final class DnsBench {
    private static final String NAME = "backend.bench.local";
    private static final String OUTSIDE = "outside.bench.example";
    private static final List<String> ADDRESSES = List.of("10.77.0.1", "10.77.0.2", "10.77.0.3");
    private static final int DNSMASQ_PORT = 5354;
    private static final int LATENCY_QPS = 2000;
    private static final Pattern QPS = Pattern.compile("Queries per second:\\s+([0-9.]+)");
    private static final Pattern LOST = Pattern.compile("Queries lost:\\s+(\\d+)");
    private static final Pattern LINE = Pattern.compile("^> \\S+ \\S+ \\S+ ([0-9.]+)$", Pattern.MULTILINE);

    private DnsBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (BenchGantry g = BenchGantry.start(
                Map.of("GANTRY_NETWORK", "gantry-dns-bench", "GANTRY_DNS_UPSTREAMS", "127.0.0.1:" + DNSMASQ_PORT))) {
            g.server.awaitReady();
            if (g.server.dnsProblem().isPresent()) {
                throw new IllegalStateException(
                        "DNS is not set up: " + g.server.dnsProblem().get());
            }
            g.server.dnsFeedFrom(() -> List.of(new DiscoveryZones.Namespace(
                    "bench.local",
                    15,
                    List.of(new DiscoveryZones.Service(
                            "backend",
                            "MULTIVALUE",
                            Optional.of(60L),
                            Optional.empty(),
                            ADDRESSES.stream()
                                    .map(ip -> new DiscoveryZones.Instance(
                                            "i" + ip.replace('.', '-'), Optional.of(ip), Optional.empty()))
                                    .toList())))));
            String gateway = g.server.driver().bridge().orElseThrow().gateway();
            Path dir = Files.createTempDirectory("gantry-dns-bench-");
            Path hosts = dir.resolve("hosts");
            Files.writeString(
                    hosts,
                    String.join(
                            "",
                            ADDRESSES.stream()
                                    .map(ip -> ip + " " + NAME + "\n" + ip + " " + OUTSIDE + "\n")
                                    .toList()));
            Process dnsmasq = new ProcessBuilder(
                            dnsmasqPath(),
                            "--keep-in-foreground",
                            "--port=" + DNSMASQ_PORT,
                            "--listen-address=127.0.0.1," + gateway,
                            "--bind-interfaces",
                            "--no-resolv",
                            "--no-hosts",
                            "--addn-hosts=" + hosts,
                            "--local-ttl=60",
                            "--user=root",
                            "--pid-file=" + dir.resolve("dnsmasq.pid"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dnsmasq.log").toFile())
                    .start();
            // Gantry's forwarder goes to the same dnsmasq (on loopback) for names outside its zones
            String arn = g.ecs.runTask(b -> b.taskDefinition(BenchGantry.FAMILY)
                            .networkConfiguration(nc -> nc.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                    .tasks()
                    .get(0)
                    .taskArn();
            try {
                Task t = g.awaitRunning(arn, Duration.ofMillis(100));
                int pid = g.docker
                        .inspectContainerCmd(t.containers().get(0).runtimeId())
                        .exec()
                        .getState()
                        .getPid();
                Thread.sleep(1000); // the table rebuild and dnsmasq's start
                Path gantryName = queries(dir, "gantry.txt", NAME);
                Path outsideName = queries(dir, "outside.txt", OUTSIDE);
                List<String[]> targets = List.of(
                        new String[] {
                            "dnsmasq on the gateway, local name (baseline)", gateway, "" + DNSMASQ_PORT, "" + gantryName
                        },
                        new String[] {"Gantry at 169.254.169.253, Gantry name", "169.254.169.253", "53", "" + gantryName
                        },
                        new String[] {
                            "Gantry at 169.254.169.253, forwarded to dnsmasq", "169.254.169.253", "53", "" + outsideName
                        });
                List<double[]> results = new ArrayList<>();
                for (String[] target : targets) {
                    perf(pid, target, 2, List.of()); // warm-up
                    String throughput = perf(pid, target, seconds, List.of());
                    String latency = perf(pid, target, Math.max(3, seconds / 2), List.of("-v", "-Q", "" + LATENCY_QPS));
                    List<Double> ms = new ArrayList<>();
                    Matcher m = LINE.matcher(latency);
                    while (m.find()) {
                        ms.add(Double.parseDouble(m.group(1)) * 1000);
                    }
                    results.add(new double[] {
                        number(QPS, throughput),
                        number(LOST, throughput),
                        BenchGantry.percentile(ms, 50),
                        BenchGantry.percentile(ms, 99),
                        ms.size()
                    });
                }
                double base = results.get(0)[0];
                double baseP99 = results.get(0)[3];
                System.out.printf(
                        "%nDNS from inside a task (dnsperf in the task's network namespace), %d s per throughput run,"
                                + " latency at %d queries/s%n",
                        seconds, LATENCY_QPS);
                System.out.printf(
                        "| target | queries/s | lost | p50 (ms) | p99 (ms) | q/s vs baseline | p99 vs baseline |%n"
                                + "|---|---|---|---|---|---|---|%n");
                for (int i = 0; i < targets.size(); i++) {
                    double[] r = results.get(i);
                    System.out.printf(
                            "| %s | %.0f | %.0f | %.3f | %.3f | %.2fx | %.2fx |%n",
                            targets.get(i)[0], r[0], r[1], r[2], r[3], r[0] / base, r[3] / baseP99);
                }
            } finally {
                g.stopAndAwait(List.of(arn));
                dnsmasq.destroy();
            }
        }
    }

    private static String dnsmasqPath() {
        return Files.isExecutable(Path.of("/usr/sbin/dnsmasq")) ? "/usr/sbin/dnsmasq" : "dnsmasq";
    }

    private static Path queries(Path dir, String file, String name) throws IOException {
        Path p = dir.resolve(file);
        Files.writeString(p, name + " A\n", StandardCharsets.US_ASCII);
        return p;
    }

    /** dnsperf inside the task's network namespace; its whole output. */
    private static String perf(int pid, String[] target, int seconds, List<String> extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "nsenter",
                "-t",
                "" + pid,
                "-n",
                "dnsperf",
                "-s",
                target[1],
                "-p",
                target[2],
                "-d",
                target[3],
                "-l",
                "" + seconds,
                "-t",
                "2"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("dnsperf failed: " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }

    private static double number(Pattern p, String out) {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + p.pattern() + " in dnsperf's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
