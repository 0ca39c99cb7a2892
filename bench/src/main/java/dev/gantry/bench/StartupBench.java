package dev.gantry.bench;

import dev.gantry.runtime.docker.DockerDriver;
import dev.gantry.runtime.docker.DockerDriverConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * Start-up of {@code ./gantry server}, as a user starts it (the launcher script, then the JVM): the time from
 * process start until the API first answers a signed ListTasks, until the engine is prepared (the banner), and the
 * resident set size once idle. Measured with a fresh data dir and with an existing one holding {@code adopt}
 * running tasks to re-adopt (killed with SIGKILL between rounds, as after a crash), with and without class-data
 * sharing; interleaved with the baseline, a trivial Java "hello" on the same JDK. Usage:
 * {@code ./gantry bench startup [rounds=5] [adopt=20]}.
 */
public final class StartupBench {
    private static final String KEY = "AKIAGANTRYBENCH00002";
    private static final String SECRET = "gantry-startup-bench-secret-0000000000000";
    private static final String IMAGE = "gantry-bench/busybox:1";
    private static final Pattern INSTALLATION = Pattern.compile("installation=([0-9a-f]+)");
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final int CLOCK_TICKS = 100; // USER_HZ on Linux

    private final Path root;
    private final Path work;
    private final Map<String, List<Double>> cpu = new LinkedHashMap<>();

    private StartupBench(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    /**
     * One start: milliseconds to the first answer and to readiness, the CPU time the process (launcher script and
     * JVM, one pid through exec) had used at the first answer, RSS in MiB once idle.
     */
    record Start(double firstAnswerMs, double readyMs, double cpuMs, double rssMib) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int adopt = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String rootEnv = System.getenv("GANTRY_ROOT");
        if (rootEnv == null) {
            throw new IllegalStateException("run it through the launcher: ./gantry bench startup");
        }
        StartupBench bench = new StartupBench(Path.of(rootEnv), Files.createTempDirectory("gantry-startup-"));
        bench.run(rounds, adopt);
    }

    private void run(int rounds, int adopt) throws Exception {
        Path existing = work.resolve("existing");
        List<String> installations = new ArrayList<>();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        Map<String, List<Double>> ready = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        try {
            installations.add(prepareExisting(existing, adopt)); // also writes the CDS archive if it is missing
            for (int i = 0; i < rounds; i++) {
                add(ms, "java Hello (baseline)", hello());
                add(ms, "./gantry --version", launcherVersion());
                Path fresh = work.resolve("fresh-" + i);
                record("server, fresh data dir", serverStart(fresh, Map.of(), false, installations), ms, ready, rss);
                record(
                        "server, existing dir, " + adopt + " tasks to re-adopt",
                        serverStart(existing, Map.of(), true, installations),
                        ms,
                        ready,
                        rss);
                record(
                        "same, GANTRY_CDS=0 (no class-data sharing)",
                        serverStart(existing, Map.of("GANTRY_CDS", "0"), true, installations),
                        ms,
                        ready,
                        rss);
            }
        } finally {
            installations.stream().distinct().forEach(StartupBench::removeInstallation);
        }
        report(rounds, ms, ready, cpu, rss);
    }

    private void record(
            String name,
            Start s,
            Map<String, List<Double>> ms,
            Map<String, List<Double>> ready,
            Map<String, List<Double>> rss) {
        add(ms, name, s.firstAnswerMs());
        add(ready, name, s.readyMs());
        add(cpu, name, s.cpuMs());
        add(rss, name, s.rssMib());
    }

    private static void add(Map<String, List<Double>> m, String k, double v) {
        m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }

    /** Starts a server on {@code dir}, runs {@code adopt} long tasks, waits until all RUN, then kills it (-9). */
    private String prepareExisting(Path dir, int adopt) throws Exception {
        try (DockerDriver docker = new DockerDriver(DockerDriverConfig.defaults("bench-image"))) {
            docker.buildBusyboxImage(
                    IMAGE,
                    Path.of(System.getenv().getOrDefault("GANTRY_BUSYBOX", "/bin/busybox")),
                    Map.of(),
                    List.of(),
                    false);
        }
        List<String> installations = new ArrayList<>();
        int port = freePort();
        Process p = launch(dir, port, Map.of());
        try (EcsClient ecs = ecs(port)) {
            awaitFirstAnswer(ecs, p);
            awaitLog(dir, "Gantry is running", p);
            ecs.registerTaskDefinition(b -> b.family("startup-bench")
                    .cpu("256")
                    .memory("512")
                    .networkMode("awsvpc")
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .containerDefinitions(c ->
                            c.name("main").image(IMAGE).command("sleep", "3600").stopTimeout(2)));
            for (int i = 0; i < adopt; i += 10) {
                int n = Math.min(10, adopt - i);
                ecs.runTask(b -> b.taskDefinition("startup-bench")
                        .count(n)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(c -> c.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))));
            }
            while (ecs.listTasks(b -> b.desiredStatus("RUNNING")).taskArns().stream()
                    .map(arn ->
                            ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0).lastStatus())
                    .anyMatch(s -> !s.equals("RUNNING"))) {
                Thread.sleep(500);
            }
        } finally {
            p.destroy(); // SIGTERM the first time, so the JVM writes its class-data archive if it had none
            p.waitFor();
            installation(dir).ifPresent(installations::add);
        }
        return installations.getFirst();
    }

    private Start serverStart(Path dir, Map<String, String> env, boolean kill, List<String> installations)
            throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        Process p = launch(dir, port, env);
        try (EcsClient ecs = ecs(port)) {
            awaitFirstAnswer(ecs, p);
            double first = (System.nanoTime() - t0) / 1e6;
            double cpu = cpuMs(p.pid());
            awaitLog(dir, "Gantry is running", p);
            double readyMs = (System.nanoTime() - t0) / 1e6;
            Thread.sleep(IDLE.toMillis());
            double rss = rssMib(p.pid());
            return new Start(first, readyMs, cpu, rss);
        } finally {
            if (kill) {
                p.destroyForcibly(); // kill -9: the next start re-adopts the tasks
            } else {
                p.destroy();
            }
            p.waitFor();
            installation(dir).ifPresent(installations::add);
        }
    }

    private Process launch(Path dir, int port, Map<String, String> env) throws IOException {
        Files.createDirectories(work);
        ProcessBuilder pb = new ProcessBuilder(
                        root.resolve("gantry").toString(),
                        "server",
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log(dir).toFile());
        pb.environment().putAll(Map.of("GANTRY_ACCESS_KEY_ID", KEY, "GANTRY_SECRET_ACCESS_KEY", SECRET));
        pb.environment().putAll(env);
        return pb.start();
    }

    private Path log(Path dir) {
        return work.resolve(dir.getFileName() + ".log");
    }

    private static EcsClient ecs(int port) {
        return EcsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Polls a signed ListTasks every 5 ms until it is answered. */
    private static void awaitFirstAnswer(EcsClient ecs, Process p) throws InterruptedException {
        while (true) {
            try {
                ecs.listTasks(b -> {});
                return;
            } catch (SdkClientException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the server exited: " + p.exitValue());
                }
                Thread.sleep(5);
            }
        }
    }

    private void awaitLog(Path dir, String text, Process p) throws IOException, InterruptedException {
        while (!Files.readString(log(dir)).contains(text)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log(dir));
            }
            Thread.sleep(10);
        }
    }

    private java.util.Optional<String> installation(Path dir) throws IOException {
        Matcher m = INSTALLATION.matcher(Files.readString(log(dir)));
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private double hello() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(Hello.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        return timed(new ProcessBuilder(java, "-cp", jar, Hello.class.getName()));
    }

    private double launcherVersion() throws IOException, InterruptedException {
        return timed(new ProcessBuilder(root.resolve("gantry").toString(), "--version"));
    }

    private static double timed(ProcessBuilder pb) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", pb.command()) + " failed: " + p.exitValue());
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** utime + stime + the waited-for children's (the launcher's find, sed, curl), from /proc/PID/stat. */
    private static double cpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 1000.0 / CLOCK_TICKS;
    }

    private static double rssMib(long pid) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            String kb = lines.filter(l -> l.startsWith("VmRSS:"))
                    .findFirst()
                    .orElseThrow()
                    .replaceAll("[^0-9]", "");
            return Long.parseLong(kb) / 1024.0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void removeInstallation(String installation) {
        try {
            Process ps = new ProcessBuilder(
                            "docker", "ps", "-aq", "--filter", "label=gantry.installation=" + installation)
                    .start();
            List<String> ids = new String(ps.getInputStream().readAllBytes())
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
            ps.waitFor();
            if (!ids.isEmpty()) {
                List<String> cmd = new ArrayList<>(List.of("docker", "rm", "-f"));
                cmd.addAll(ids);
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor();
            }
        } catch (IOException e) {
            System.err.println("could not remove installation " + installation + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(
            int rounds,
            Map<String, List<Double>> ms,
            Map<String, List<Double>> ready,
            Map<String, List<Double>> cpu,
            Map<String, List<Double>> rss) {
        double base = RunTaskLatency.percentile(ms.get("java Hello (baseline)"), 50);
        System.out.printf("%nStart-up, %d rounds interleaved; medians (min-max)%n", rounds);
        System.out.printf("| | first answer (ms) | x hello | CPU at first answer (ms) | engine ready (ms) |"
                + " RSS idle (MiB) |%n");
        System.out.printf("|---|---|---|---|---|---|%n");
        for (var e : ms.entrySet()) {
            String name = e.getKey();
            System.out.printf(
                    "| %s | %s | %.1fx | %s | %s | %s |%n",
                    name,
                    spread(e.getValue(), "%.0f"),
                    RunTaskLatency.percentile(e.getValue(), 50) / base,
                    cpu.containsKey(name) ? spread(cpu.get(name), "%.0f") : "-",
                    ready.containsKey(name) ? spread(ready.get(name), "%.0f") : "-",
                    rss.containsKey(name) ? spread(rss.get(name), "%.0f") : "-");
        }
        System.out.printf("Load average at the end: %s%n", loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String spread(List<Double> v, String fmt) {
        return String.format(
                fmt + " (" + fmt + "-" + fmt + ")",
                RunTaskLatency.percentile(v, 50),
                v.stream().min(Comparator.naturalOrder()).orElseThrow(),
                v.stream().max(Comparator.naturalOrder()).orElseThrow());
    }
}
