package dev.gantry.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What gVisor costs at start: RunTask → RUNNING of the same one-container task in a cluster tagged
 * {@code gantry:runtime=runsc} against one tagged {@code runc} (the baseline), in the same run and interleaved so drift
 * affects both alike. Times as in {@link RunTaskLatency}: until the task's recorded {@code startedAt}, and until
 * DescribeTasks first reports RUNNING (100 ms poll). The sandbox stays on runc either way (see docs/compat/ecs.md).
 * Usage: {@code ./gantry bench gvisor [iterations]} (default 20); needs the engine runtime {@code runsc}.
 */
public final class GvisorBench {
    private static final String RUNC = "bench-runc";
    private static final String RUNSC = "bench-runsc";

    private GvisorBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (BenchGantry g = BenchGantry.start(Map.of())) {
            if (!g.docker.infoCmd().exec().getRuntimes().containsKey("runsc")) {
                throw new IllegalStateException("the engine has no 'runsc' runtime; see README, gVisor");
            }
            for (String[] c : new String[][] {{RUNC, "runc"}, {RUNSC, "runsc"}}) {
                g.ecs.createCluster(b -> b.clusterName(c[0])
                        .tags(Tag.builder().key("gantry:runtime").value(c[1]).build()));
            }
            List<Double> runcSeen = new ArrayList<>();
            List<Double> runcRecorded = new ArrayList<>();
            List<Double> runscSeen = new ArrayList<>();
            List<Double> runscRecorded = new ArrayList<>();
            for (int i = -2; i < n; i++) { // two warm-up rounds, not counted
                double[] a = runTask(g, RUNC);
                Thread.sleep(300);
                double[] b = runTask(g, RUNSC);
                Thread.sleep(300);
                if (i >= 0) {
                    runcSeen.add(a[0]);
                    runcRecorded.add(a[1]);
                    runscSeen.add(b[0]);
                    runscRecorded.add(b[1]);
                }
            }
            double base = BenchGantry.percentile(runcRecorded, 50);
            System.out.printf(
                    "%nRunTask -> RUNNING under gVisor (runsc) vs runc (%d iterations each, interleaved)%n", n);
            System.out.printf("| | p50 (ms) | p95 (ms) | p50 / runc recorded |%n|---|---|---|---|%n");
            row("runc: RunTask -> startedAt (baseline)", runcRecorded, base);
            row("runsc: RunTask -> startedAt", runscRecorded, base);
            row("runc: RunTask -> RUNNING seen by DescribeTasks", runcSeen, base);
            row("runsc: RunTask -> RUNNING seen by DescribeTasks", runscSeen, base);
        }
    }

    /** {ms until DescribeTasks reports RUNNING, ms until the recorded startedAt}; then stops the task. */
    private static double[] runTask(BenchGantry g, String cluster) throws InterruptedException {
        Instant sent = Instant.now();
        long start = System.nanoTime();
        String arn = g.ecs.runTask(b -> b.cluster(cluster)
                        .taskDefinition(BenchGantry.FAMILY)
                        .networkConfiguration(nc -> nc.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
        Task t;
        while (true) {
            t = g.ecs.describeTasks(b -> b.cluster(cluster).tasks(arn)).tasks().get(0);
            if (t.lastStatus().equals("RUNNING")) {
                break;
            }
            if (t.lastStatus().equals("STOPPED")) {
                throw new IllegalStateException("bench task stopped: " + t.stoppedReason());
            }
            Thread.sleep(RunTaskLatency.POLL_MS);
        }
        double seen = BenchGantry.ms(start);
        double recorded = Duration.between(sent, t.startedAt()).toNanos() / 1e6;
        g.ecs.stopTask(b -> b.cluster(cluster).task(arn));
        while (!g.ecs.describeTasks(b -> b.cluster(cluster).tasks(arn))
                .tasks()
                .get(0)
                .lastStatus()
                .equals("STOPPED")) {
            Thread.sleep(50);
        }
        return new double[] {seen, recorded};
    }

    private static void row(String name, List<Double> values, double base) {
        double p50 = BenchGantry.percentile(values, 50);
        System.out.printf("| %s | %.0f | %.0f | %.2fx |%n", name, p50, BenchGantry.percentile(values, 95), p50 / base);
    }
}
