package dev.gantry.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A burst: {@code tasks} RunTask calls sent at once until all report RUNNING, against {@code tasks} parallel
 * {@code docker run -d} until all returned, measured in the same run and interleaved for {@code rounds} rounds.
 * Gantry starts from its configured warm pool (2 by default), so most tasks of the burst find no warm sandbox.
 * Usage: {@code ./gantry bench burst [tasks] [rounds]} (default 40 tasks, 3 rounds).
 */
final class BurstBench {
    static final Duration SETTLE = Duration.ofSeconds(Integer.getInteger("bench.settleSeconds", 15));

    private BurstBench() {}

    static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (BenchGantry g = BenchGantry.start(Map.of())) {
            List<Double> docker = new ArrayList<>();
            List<Double> gantry = new ArrayList<>();
            List<Double> recorded = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                docker.add(dockerBurst(g, tasks));
                settle();
                double[] r = gantryBurst(g, tasks);
                gantry.add(r[0]);
                recorded.add(r[1]);
                settle();
                System.out.printf(
                        "round %d: docker run -d x%d %.0f ms, Gantry %.0f ms (recorded %.0f ms)%n",
                        round + 1, tasks, docker.getLast(), r[0], r[1]);
            }
            report(tasks, rounds, docker, gantry, recorded);
        }
    }

    /** Lets the engine finish removals and Gantry refill its pool, as between a user's bursts. */
    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE);
    }

    private static double dockerBurst(BenchGantry g, int n) throws Exception {
        List<Future<String>> runs = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                runs.add(threads.submit(g::dockerRun));
            }
        }
        double ms = BenchGantry.ms(start);
        List<String> ids = new ArrayList<>();
        for (Future<String> f : runs) {
            ids.add(f.get());
        }
        removeInParallel(g, ids);
        return ms;
    }

    /** {ms until DescribeTasks reports all RUNNING, ms until the latest recorded startedAt}. */
    private static double[] gantryBurst(BenchGantry g, int n) throws Exception {
        List<Future<String>> sends = new ArrayList<>();
        Instant sent = Instant.now();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                sends.add(threads.submit(g::runTask));
            }
        }
        List<String> arns = new ArrayList<>();
        for (Future<String> f : sends) {
            arns.add(f.get());
        }
        Instant latest = Instant.EPOCH;
        while (true) {
            List<Task> ts = new ArrayList<>();
            for (int i = 0; i < arns.size(); i += 100) {
                List<String> page = arns.subList(i, Math.min(arns.size(), i + 100));
                ts.addAll(g.ecs.describeTasks(b -> b.tasks(page)).tasks());
            }
            if (ts.stream().anyMatch(t -> t.lastStatus().equals("STOPPED"))) {
                throw new IllegalStateException("a bench task stopped: "
                        + ts.stream()
                                .filter(t -> t.lastStatus().equals("STOPPED"))
                                .findFirst()
                                .orElseThrow()
                                .stoppedReason());
            }
            if (ts.stream().allMatch(t -> t.lastStatus().equals("RUNNING"))) {
                for (Task t : ts) {
                    latest = t.startedAt().isAfter(latest) ? t.startedAt() : latest;
                }
                break;
            }
            Thread.sleep(20);
        }
        double ms = BenchGantry.ms(start);
        g.stopAndAwait(arns);
        return new double[] {ms, Duration.between(sent, latest).toNanos() / 1e6};
    }

    private static void removeInParallel(BenchGantry g, List<String> ids) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : ids) {
                threads.execute(() -> g.remove(List.of(id)));
            }
        }
    }

    /**
     * Round 1 meets the pool at its configured size (a first burst: most sandboxes are started on the claim path);
     * later rounds meet the pool grown by the previous burst. Their ratios are reported apart.
     */
    private static void report(int tasks, int rounds, List<Double> docker, List<Double> gantry, List<Double> recorded) {
        System.out.printf(
                "%nBurst: %d RunTask at once until all RUNNING vs %d parallel docker run -d (%d rounds)%n",
                tasks, tasks, rounds);
        System.out.printf(
                "| round | docker run -d (ms) | Gantry, DescribeTasks (ms) | Gantry, recorded (ms) | ratio |%n"
                        + "|---|---|---|---|---|%n");
        for (int i = 0; i < rounds; i++) {
            System.out.printf(
                    "| %d%s | %.0f | %.0f | %.0f | %.2fx |%n",
                    i + 1,
                    i == 0 ? " (pool at its configured size)" : " (pool grown by the previous burst)",
                    docker.get(i),
                    gantry.get(i),
                    recorded.get(i),
                    gantry.get(i) / docker.get(i));
        }
        if (rounds > 2) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 1; i < rounds; i++) {
                ratios.add(gantry.get(i) / docker.get(i));
            }
            System.out.printf(
                    "| median ratio of rounds 2-%d | | | | %.2fx |%n", rounds, BenchGantry.percentile(ratios, 50));
        }
    }
}
