package dev.gantry.bench;

import dev.gantry.control.feed.Subscription;
import dev.gantry.control.feed.TaskTransition;
import dev.gantry.control.launch.LaunchRequest;
import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.store.sqlite.Database;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Control-plane throughput on the fake driver: N task lifecycles (RunTask → RUNNING → StopTask → STOPPED), run by
 * C concurrent clients through the real ECS API (HTTP, SigV4, JSON; AWS SDK for Java v2), with the same N run
 * in the same process by calling the TaskLauncher directly (no wire) as the baseline. A task's arrival at RUNNING
 * and STOPPED is learnt from the task-change feed. Reports lifecycles/s, database time and write transactions per
 * lifecycle, then DescribeTasks and ListTasks latency with the largest N stored, against ListClusters (the same
 * HTTP and SigV4 path with no task read) as the baseline.
 * Usage: {@code ./gantry bench control-plane [N...] [--concurrency C]} (default 1000 10000, C = 32).
 */
public final class ControlPlaneBench {
    private static final int SAMPLES = 2000;
    /** Process CPU of one ListClusters call, client and server: the cost of an API call with no work in it. */
    private static double callCpuMillis;

    private ControlPlaneBench() {}

    private enum Mode {
        API,
        DIRECT
    }

    private record Run(int lifecycles, double seconds, Database.Stats db, long cpuNanos) {
        double cpuMillisPerLifecycle() {
            return cpuNanos / 1e6 / lifecycles;
        }

        double perSecond() {
            return lifecycles / seconds;
        }

        double dbMillisPerLifecycle() {
            return (db.readNanos() + db.writeNanos()) / 1e6 / lifecycles;
        }

        double writesPerLifecycle() {
            return (double) db.writes() / lifecycles;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int concurrency = 32;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--concurrency")) {
                concurrency = Integer.parseInt(args[++i]);
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1000, 10000);
        }
        int c = concurrency;
        System.out.printf(
                "control plane on the fake driver: %d concurrent clients, %d cores%n",
                c, Runtime.getRuntime().availableProcessors());
        System.out.println("| lifecycles | via API (lifecycles/s) | direct, no wire (lifecycles/s) | API / direct "
                + "| db time per lifecycle (ms, API / direct) | write transactions per lifecycle "
                + "| process CPU per lifecycle (ms, API / direct) |");
        System.out.println("|---|---|---|---|---|---|---|");
        int largest = Collections.max(sizes);
        List<String> latency = new ArrayList<>();
        for (int n : sizes) {
            Run direct = run(n, c, Mode.DIRECT, g -> {});
            Run api = run(n, c, Mode.API, g -> {
                if (n == largest) {
                    latency.addAll(readLatency(g, n));
                }
            });
            System.out.printf(
                    "| %d | %.0f | %.0f | %.2fx | %.2f / %.2f | %.1f | %.2f / %.2f |%n",
                    n,
                    api.perSecond(),
                    direct.perSecond(),
                    api.perSecond() / direct.perSecond(),
                    api.dbMillisPerLifecycle(),
                    direct.dbMillisPerLifecycle(),
                    api.writesPerLifecycle(),
                    api.cpuMillisPerLifecycle(),
                    direct.cpuMillisPerLifecycle());
        }
        System.out.printf(
                "%nprocess CPU of one ListClusters call (AWS SDK client + HTTP + SigV4 + JSON, no work): "
                        + "%.2f ms; a lifecycle via the API makes 2 calls (RunTask, StopTask)%n%n",
                callCpuMillis);
        latency.forEach(System.out::println);
    }

    private static Run run(int n, int concurrency, Mode mode, Consumer<FakeGantry> afterwards) throws Exception {
        Path dir = Files.createTempDirectory("gantry-bench-cp-");
        try (FakeGantry g = FakeGantry.start(dir);
                EcsClient ecs = client(g.endpoint(), concurrency)) {
            ecs.registerTaskDefinition(b -> b.family("bench")
                    .cpu("256")
                    .memory("512")
                    .networkMode("awsvpc")
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .containerDefinitions(d -> d.name("main")
                            .image("bench/app:1")
                            .command("sleep", "300")
                            .stopTimeout(2)));
            TaskDefinition td = g.definitions.latestActive("bench").orElseThrow();
            Phases phases = new Phases();
            try (Subscription s = g.supervisor.feed().subscribe("bench", 1 << 16, false, phases::accept)) {
                lifecycles(g, ecs, td, phases, 100, concurrency, mode); // warm-up, not counted
                Database.Stats before = g.db.stats();
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                lifecycles(g, ecs, td, phases, n, concurrency, mode);
                double seconds = (System.nanoTime() - start) / 1e9;
                Run r = new Run(n, seconds, g.db.stats().minus(before), processCpuNanos() - cpu);
                if (mode == Mode.API) {
                    long c0 = processCpuNanos();
                    for (int i = 0; i < 1000; i++) {
                        ecs.listClusters();
                    }
                    callCpuMillis = (processCpuNanos() - c0) / 1e6 / 1000;
                }
                afterwards.accept(g);
                return r;
            }
        }
    }

    private static void lifecycles(
            FakeGantry g, EcsClient ecs, TaskDefinition td, Phases phases, int n, int concurrency, Mode mode)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (next.getAndIncrement() < n) {
                        lifecycle(g, ecs, td, phases, mode);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("lifecycles failed", failures.get(0));
        }
    }

    private static void lifecycle(FakeGantry g, EcsClient ecs, TaskDefinition td, Phases phases, Mode mode)
            throws Exception {
        if (mode == Mode.API) {
            String arn = ecs.runTask(b -> b.taskDefinition("bench")
                            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                    .tasks()
                    .get(0)
                    .taskArn();
            phases.of(arn).running.get(60, TimeUnit.SECONDS);
            ecs.stopTask(b -> b.task(arn));
            phases.of(arn).stopped.get(60, TimeUnit.SECONDS);
            phases.forget(arn);
        } else {
            RunTaskRequest req = new RunTaskRequest(
                    null,
                    "bench",
                    null,
                    null,
                    null,
                    new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-gantry"), null, null)),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            Task t = g.launcher
                    .launch(new LaunchRequest(g.cluster, td, req, Map.of()))
                    .get(0);
            phases.of(t.taskArn()).running.get(60, TimeUnit.SECONDS);
            g.launcher.stop(t, StopCode.UserInitiated, "bench");
            phases.of(t.taskArn()).stopped.get(60, TimeUnit.SECONDS);
            phases.forget(t.taskArn());
        }
    }

    /** DescribeTasks and ListTasks with {@code stored} tasks in the store, against ListClusters, interleaved. */
    private static List<String> readLatency(FakeGantry g, int stored) {
        List<String> latencyReport = new ArrayList<>();
        List<String> arns = g
                .tasks
                .list(
                        new dev.gantry.store.ecs.TaskQuery(
                                "default",
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                "STOPPED",
                                java.util.Optional.empty()),
                        0,
                        stored + 200)
                .items()
                .stream()
                .map(Task::taskArn)
                .toList();
        List<Double> describe = new ArrayList<>();
        List<Double> list = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        try (EcsClient ecs = client(g.endpoint(), 1)) {
            for (int i = -200; i < SAMPLES; i++) { // 200 warm-up rounds
                String arn = arns.get(ThreadLocalRandom.current().nextInt(arns.size()));
                double b = time(() -> ecs.listClusters());
                double d = time(() -> ecs.describeTasks(x -> x.tasks(arn)));
                double l =
                        time(() -> ecs.listTasks(x -> x.desiredStatus("STOPPED").maxResults(100)));
                if (i >= 0) {
                    baseline.add(b);
                    describe.add(d);
                    list.add(l);
                }
            }
        }
        latencyReport.add(String.format("with %d tasks stored (%d samples each, one client):", arns.size(), SAMPLES));
        latencyReport.add("| call | p50 (ms) | p99 (ms) | p99 / ListClusters p99 |");
        latencyReport.add("|---|---|---|---|");
        double base = pct(baseline, 0.99);
        latencyReport.add(String.format("| ListClusters (baseline) | %.2f | %.2f | 1.00x |", pct(baseline, 0.5), base));
        latencyReport.add(String.format(
                "| DescribeTasks (1 task) | %.2f | %.2f | %.2fx |",
                pct(describe, 0.5), pct(describe, 0.99), pct(describe, 0.99) / base));
        latencyReport.add(String.format(
                "| ListTasks (first 100 STOPPED) | %.2f | %.2f | %.2fx |",
                pct(list, 0.5), pct(list, 0.99), pct(list, 0.99) / base));
        return latencyReport;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static EcsClient client(String endpoint, int connections) {
        return EcsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(FakeGantry.KEY, FakeGantry.SECRET)))
                .region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(Math.max(connections, 4))
                        .connectionTimeout(Duration.ofSeconds(5))
                        .build())
                .build();
    }

    /** Where each task has got to, learnt from the feed: completes when it reaches RUNNING, then STOPPED. */
    private static final class Phases {
        private final Map<String, Waiter> byArn = new ConcurrentHashMap<>();

        private record Waiter(CompletableFuture<Void> running, CompletableFuture<Void> stopped) {}

        Waiter of(String arn) {
            return byArn.computeIfAbsent(arn, a -> new Waiter(new CompletableFuture<>(), new CompletableFuture<>()));
        }

        void forget(String arn) {
            byArn.remove(arn);
        }

        void accept(TaskTransition t) {
            if (t.to().hasReached(TaskPhase.RUNNING)) {
                of(t.taskArn()).running.complete(null);
            }
            if (t.isStopped()) {
                of(t.taskArn()).stopped.complete(null);
            }
        }
    }
}
