package dev.gantry.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECS service discovery, timed: Gantry in-process (temp data dir), a private DNS namespace and a Cloud Map service
 * with an A record, an ECS service of busybox httpd tasks (no container health check: RUNNING is healthy) with
 * {@code serviceRegistries}, at desiredCount 0. Each round: UpdateService to 1; DiscoverInstances is called back to
 * back (a few ms apart) until it answers with the new task T: <b>register</b> = from T's recorded {@code startedAt}
 * until then. UpdateService to 0 (the scheduler's stop decision follows within milliseconds): <b>deregister</b> = from
 * sending it until DiscoverInstances answers with no instance. Baselines in the same round: <b>start</b> = T's
 * launch-to-RUNNING time ({@code createdAt} → {@code startedAt}) and <b>stop</b> = from the same UpdateService
 * until T is STOPPED (DescribeTasks polled every 20 ms): deregister / stop &lt; 1 means the name left the answers
 * before the task was gone. Usage: {@code ./gantry bench discovery [rounds]}.
 */
public final class DiscoveryBench {
    private static final String CLUSTER = "bench-discovery";
    private static final String SERVICE = "backend";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private DiscoveryBench() {}

    record Round(double start, double register, double stop, double deregister) {}

    public static void main(String[] args) throws Exception {
        int rounds = Math.min(50, args.length > 0 ? Integer.parseInt(args[0]) : 10);
        try (BenchGantry g = BenchGantry.start(Map.of())) {
            CloudMapCalls cloudMap = new CloudMapCalls(g.server.endpoint());
            String ns = cloudMap.privateNamespace("local");
            String registry = cloudMap.service(ns, SERVICE);
            g.ecs.createCluster(b -> b.clusterName(CLUSTER));
            String td = g.ecs.registerTaskDefinition(b -> b.family("bench-discovery")
                            .cpu("256")
                            .memory("512")
                            .networkMode("awsvpc")
                            .requiresCompatibilitiesWithStrings("FARGATE")
                            .containerDefinitions(c -> c.name("web")
                                    .image(BenchGantry.IMAGE)
                                    .command("sh", "-c", "httpd -f -p 8080 -h /")
                                    .stopTimeout(2)))
                    .taskDefinition()
                    .taskDefinitionArn();
            g.ecs.createService(b -> b.cluster(CLUSTER)
                    .serviceName(SERVICE)
                    .taskDefinition(td)
                    .desiredCount(0)
                    .launchType("FARGATE")
                    .networkConfiguration(nc -> nc.awsvpcConfiguration(a -> a.subnets("subnet-gantry")))
                    .serviceRegistries(r -> r.registryArn(registry)));
            List<Round> done = new ArrayList<>();
            for (int i = 0; i < rounds + 1; i++) {
                g.ecs.updateService(b -> b.cluster(CLUSTER).service(SERVICE).desiredCount(1));
                Instant seen = awaitDiscovered(cloudMap, true);
                Task t = awaitTask(g);
                Instant stopSent = Instant.now();
                g.ecs.updateService(b -> b.cluster(CLUSTER).service(SERVICE).desiredCount(0));
                Instant gone = awaitDiscovered(cloudMap, false);
                Instant stopped = awaitStopped(g, t.taskArn());
                Round r = new Round(
                        ms(t.createdAt(), t.startedAt()),
                        ms(t.startedAt(), seen),
                        ms(stopSent, stopped),
                        ms(stopSent, gone));
                if (i > 0) { // the first round warms up
                    done.add(r);
                }
                System.out.printf(
                        "round %d%s: start %.0f ms, register %.0f ms | stop %.0f ms, deregister %.0f ms%n",
                        i, i == 0 ? " (warm-up)" : "", r.start(), r.register(), r.stop(), r.deregister());
            }
            g.ecs.deleteService(b -> b.cluster(CLUSTER).service(SERVICE).force(true));
            double start = p50(done.stream().map(Round::start).toList());
            double register = p50(done.stream().map(Round::register).toList());
            double stop = p50(done.stream().map(Round::stop).toList());
            double deregister = p50(done.stream().map(Round::deregister).toList());
            System.out.printf(
                    "p50 of %d rounds: start %.0f ms, RUNNING -> discoverable %.0f ms (%.2fx start); "
                            + "stop %.0f ms, scale-in -> gone %.0f ms (%.2fx stop); max register %.0f ms, "
                            + "max deregister %.0f ms%n",
                    done.size(),
                    start,
                    register,
                    register / start,
                    stop,
                    deregister,
                    deregister / stop,
                    done.stream().mapToDouble(Round::register).max().orElse(0),
                    done.stream().mapToDouble(Round::deregister).max().orElse(0));
        }
    }

    /** The service's RUNNING task that is not told to stop. */
    private static Task awaitTask(BenchGantry g) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> arns = g.ecs.listTasks(
                            b -> b.cluster(CLUSTER).serviceName(SERVICE).desiredStatus("RUNNING"))
                    .taskArns();
            if (!arns.isEmpty()) {
                Optional<Task> t = g.ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks().stream()
                        .filter(x -> x.lastStatus().equals("RUNNING")
                                && x.desiredStatus().equals("RUNNING"))
                        .findFirst();
                if (t.isPresent()) {
                    return t.get();
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no RUNNING task within " + LIMIT);
    }

    /** Calls DiscoverInstances back to back until it answers with an instance ({@code present}) or with none. */
    private static Instant awaitDiscovered(CloudMapCalls cloudMap, boolean present) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> ips = cloudMap.discover("local", SERVICE);
            if (ips.isEmpty() != present) {
                return Instant.now();
            }
        }
        throw new IllegalStateException(
                "the task was " + (present ? "never discovered" : "never gone") + " in " + LIMIT);
    }

    private static Instant awaitStopped(BenchGantry g, String arn) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Task t = g.ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arn))
                    .tasks()
                    .get(0);
            if (t.lastStatus().equals("STOPPED")) {
                return Instant.now();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(arn + " not STOPPED within " + LIMIT);
    }

    private static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static double p50(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
