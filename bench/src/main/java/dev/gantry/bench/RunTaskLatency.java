package dev.gantry.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * RunTask → RUNNING latency against two baselines measured in the same run, interleaved so drift affects all alike:
 * a raw {@code docker run -d} of the same image (the Docker CLI, as a user types it), and the floor, an engine-API
 * create + start of the same container into an already started sandbox's network namespace (what Gantry's path
 * cannot go below). Gantry's latency is from sending RunTask until the task's recorded {@code startedAt} (the server
 * runs in this JVM: one clock), and until DescribeTasks first reports RUNNING, polled every 100 ms
 * ({@code -Dbench.pollMs=}): polling much faster takes CPU from the engine on a small host and slows the very start
 * it measures. RunTask itself returns at once, as ECS does. The image is cached for all three.
 * Usage: {@code ./gantry bench [iterations]} (default 20), or {@code ./gantry bench burst [tasks] [rounds]}
 * ({@link BurstBench}).
 */
public final class RunTaskLatency {
    static final int POLL_MS = Integer.getInteger("bench.pollMs", 100);

    private RunTaskLatency() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("burst")) {
            BurstBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (BenchGantry g = BenchGantry.start(Map.of())) {
            List<Double> docker = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> gantry = new ArrayList<>();
            List<Double> recorded = new ArrayList<>();
            for (int i = -2; i < n; i++) { // two warm-up rounds, not counted
                String sandbox = g.sandbox(); // the floor's namespace, made ahead as Gantry's warm ones are
                double d = dockerRun(g);
                double f = floor(g, sandbox);
                double[] r = runTask(g);
                if (i >= 0) {
                    docker.add(d);
                    floor.add(f);
                    gantry.add(r[0]);
                    recorded.add(r[1]);
                }
                Thread.sleep(300); // let the warm pool refill and the stopped task settle, as between user requests
            }
            report(n, docker, floor, gantry, recorded);
        }
    }

    /** {ms until DescribeTasks reports RUNNING, ms until the task's recorded startedAt}. */
    private static double[] runTask(BenchGantry g) throws InterruptedException {
        Instant sent = Instant.now();
        long start = System.nanoTime();
        String arn = g.runTask();
        Task t = g.awaitRunning(arn, Duration.ofMillis(POLL_MS));
        double ms = BenchGantry.ms(start);
        double recorded = Duration.between(sent, t.startedAt()).toNanos() / 1e6;
        g.stopAndAwait(List.of(arn));
        return new double[] {ms, recorded};
    }

    private static double dockerRun(BenchGantry g) throws Exception {
        long start = System.nanoTime();
        String id = g.dockerRun();
        double ms = BenchGantry.ms(start);
        g.remove(List.of(id));
        return ms;
    }

    private static double floor(BenchGantry g, String sandbox) {
        long start = System.nanoTime();
        String id = g.createAndStartIn(sandbox);
        double ms = BenchGantry.ms(start);
        g.remove(List.of(id, sandbox));
        return ms;
    }

    private static void report(
            int n, List<Double> docker, List<Double> floor, List<Double> gantry, List<Double> recorded) {
        double d50 = BenchGantry.percentile(docker, 50);
        double f50 = BenchGantry.percentile(floor, 50);
        System.out.printf(
                "%nRunTask -> RUNNING vs docker run -d and the floor (%d iterations each, image cached)%n", n);
        System.out.printf("| | p50 (ms) | p95 (ms) | p50 / docker run | p50 / floor |%n|---|---|---|---|---|%n");
        row("docker run -d (baseline)", docker, d50, f50);
        row("floor: engine create+start into a made netns", floor, d50, f50);
        row("Gantry RunTask -> startedAt (recorded)", recorded, d50, f50);
        row("Gantry RunTask -> RUNNING seen by DescribeTasks (" + POLL_MS + " ms poll)", gantry, d50, f50);
    }

    private static void row(String name, List<Double> values, double d50, double f50) {
        double p50 = BenchGantry.percentile(values, 50);
        System.out.printf(
                "| %s | %.0f | %.0f | %.2fx | %.2fx |%n",
                name, p50, BenchGantry.percentile(values, 95), p50 / d50, p50 / f50);
    }

    /** The {@code p}th percentile (nearest rank), for the other benchmarks. */
    static double percentile(List<Double> values, int p) {
        return BenchGantry.percentile(values, p);
    }
}
