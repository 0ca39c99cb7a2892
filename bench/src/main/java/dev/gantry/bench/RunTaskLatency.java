package dev.gantry.bench;

import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * RunTask → RUNNING latency against a raw {@code docker run -d} of the same image, measured in the same run,
 * interleaved so drift affects both alike. Gantry's latency is from sending RunTask until DescribeTasks first reports
 * RUNNING (RunTask itself returns at once, as ECS does); the baseline is the wall time of {@code docker run -d}.
 * The image is cached for both. Usage: {@code ./gantry bench [iterations]} (default 20, at least 20 recommended).
 */
public final class RunTaskLatency {
    private static final String IMAGE = "gantry-bench/busybox:1";
    private static final String KEY = "AKIAGANTRYBENCH00001";
    private static final String SECRET = "gantry-bench-secret-00000000000000000000";

    private RunTaskLatency() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("gantry-bench-");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GANTRY_ACCESS_KEY_ID", KEY);
        env.put("GANTRY_SECRET_ACCESS_KEY", SECRET);
        GantryServer server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        try (EcsClient ecs = EcsClient.builder().endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create()).build()) {
            server.driver().buildBusyboxImage(IMAGE, server.config().busybox(), Map.of(), List.of(), false);
            ecs.registerTaskDefinition(b -> b.family("bench").cpu("256").memory("512").networkMode("awsvpc")
                    .requiresCompatibilitiesWithStrings("FARGATE").containerDefinitions(c -> c.name("main").image(IMAGE)
                            .command("sleep", "300").stopTimeout(2)));
            List<Double> gantry = new ArrayList<>();
            List<Double> docker = new ArrayList<>();
            for (int i = -2; i < n; i++) { // two warm-up rounds, not counted
                double d = dockerRun(server.config().networkName());
                double g = runTask(ecs);
                if (i >= 0) {
                    docker.add(d);
                    gantry.add(g);
                }
                Thread.sleep(300); // let the warm pool refill and the stopped task settle, as between user requests
            }
            report(n, gantry, docker);
        } finally {
            String installation = server.driver().config().installationId();
            server.close();
            removeInstallation(installation); // the bench's temp data dir never starts again
        }
    }

    private static void removeInstallation(String installation) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=gantry.installation=" + installation)
                .start();
        List<String> ids = new String(ps.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).toList();
        ps.waitFor();
        if (!ids.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("docker", "rm", "-f"));
            cmd.addAll(ids);
            new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor();
        }
    }

    private static double runTask(EcsClient ecs) throws InterruptedException {
        long start = System.nanoTime();
        String arn = ecs.runTask(b -> b.taskDefinition("bench").networkConfiguration(
                nc -> nc.awsvpcConfiguration(a -> a.subnets("subnet-bench")))).tasks().get(0).taskArn();
        Task t;
        do {
            t = ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
            if (t.lastStatus().equals("STOPPED")) {
                throw new IllegalStateException("bench task stopped: " + t.stoppedReason());
            }
        } while (!t.lastStatus().equals("RUNNING"));
        double ms = (System.nanoTime() - start) / 1e6;
        ecs.stopTask(b -> b.task(arn));
        while (!ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0).lastStatus().equals("STOPPED")) {
            Thread.sleep(20);
        }
        return ms;
    }

    private static double dockerRun(String network) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("docker", "run", "-d", "--network", network, IMAGE, "sleep", "300")
                .redirectErrorStream(true).start();
        String id = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker run failed: " + id);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        new ProcessBuilder("docker", "rm", "-f", id).redirectErrorStream(true).start().waitFor();
        return ms;
    }

    private static void report(int n, List<Double> gantry, List<Double> docker) {
        double g50 = percentile(gantry, 50);
        double g95 = percentile(gantry, 95);
        double d50 = percentile(docker, 50);
        double d95 = percentile(docker, 95);
        System.out.printf("%nRunTask -> RUNNING vs docker run -d (%d iterations each, image cached)%n", n);
        System.out.printf("| | p50 (ms) | p95 (ms) |%n|---|---|---|%n");
        System.out.printf("| docker run -d (baseline) | %.0f | %.0f |%n", d50, d95);
        System.out.printf("| Gantry RunTask -> RUNNING | %.0f | %.0f |%n", g50, g95);
        System.out.printf("| ratio (Gantry / docker) | %.2fx | %.2fx |%n", g50 / d50, g95 / d95);
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
