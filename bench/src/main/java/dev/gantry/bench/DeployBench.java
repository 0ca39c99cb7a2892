package dev.gantry.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * A rolling deployment of a 4-task service behind the router, timed: Gantry starts in-process (temp data dir; its
 * containers are removed at the end), two busybox httpd images v1 and v2 are built from scratch, an internal ALB
 * with a listener on a free loopback port forwards to an ip target group, and a service of 4 tasks (minimum 100 %,
 * maximum 200 %, circuit breaker with rollback) registers its tasks there. Each round sends UpdateService to the
 * other version under a paced keep-alive load through the listener and measures, polling every 250 ms
 * ({@code -Dbench.pollMs=}): until the 4 new targets are healthy, until the service's steady state (one PRIMARY
 * deployment of the new revision, COMPLETED, runningCount 4) and until the old targets have left the group; and the
 * requests sent, failed and per second meanwhile. The baseline, measured before each round: RunTask of 4 tasks of
 * the same revision (no load balancer) until all are RUNNING; the floor adds what the configuration makes any rollout
 * wait: one health-check interval beyond the first passing check (healthy after 2) and the deregistration delay.
 *
 * <p>Health checks: the issue asks for a 1 s interval, but neither API accepts one (ELBv2's
 * HealthCheckIntervalSeconds and ECS's container healthCheck.interval both range from 5 s, and Gantry rejects less as
 * AWS does), so the target group checks every 5 s (the minimum), timeout 2 s, healthy/unhealthy after 2; the
 * deregistration delay is 5 s. No container health check is set (it would gate on the same 5 s minimum as well).
 * Usage: {@code ./gantry bench deploy [rounds] [clients] [requests/s per client]} (defaults 3, 4, 50; rate 0 = back to
 * back).
 */
public final class DeployBench {
    static final int DESIRED = 4;
    static final int INTERVAL_S = 5;
    static final int TIMEOUT_S = 2;
    static final int THRESHOLD = 2;
    static final int DEREGISTRATION_DELAY_S = 5;
    private static final int POLL_MS = Integer.getInteger("bench.pollMs", 250);
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(4);
    static final String CLUSTER = "bench-deploy";
    private static final String SERVICE = "web";

    private DeployBench() {}

    /** One round's figures (seconds from UpdateService). */
    record Round(
            String to,
            double newHealthy,
            double steady,
            double drained,
            long sent,
            long failed,
            double rate,
            Map<String, Long> bodies,
            List<String> failures) {}

    public static void main(String[] args) throws Exception {
        int rounds = Math.min(10, args.length > 0 ? Integer.parseInt(args[0]) : 3);
        int clients = Math.min(16, args.length > 1 ? Integer.parseInt(args[1]) : 4);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (BenchGantry g = BenchGantry.start(Map.of());
                ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder()
                        .endpointOverride(URI.create(g.server.endpoint()))
                        .credentialsProvider(BenchGantry.credentials())
                        .region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            DeploySetup setup = DeploySetup.create(g, elb, freePort());
            URI url = URI.create("http://127.0.0.1:" + setup.port() + "/index.html");
            g.ecs.createService(b -> b.cluster(CLUSTER)
                    .serviceName(SERVICE)
                    .taskDefinition(setup.v1())
                    .desiredCount(DESIRED)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry")))
                    .loadBalancers(l -> l.targetGroupArn(setup.targetGroup())
                            .containerName("web")
                            .containerPort(8080))
                    .healthCheckGracePeriodSeconds(30)
                    .deploymentConfiguration(d -> d.minimumHealthyPercent(100)
                            .maximumPercent(200)
                            .deploymentCircuitBreaker(c -> c.enable(true).rollback(true))));
            Poll first = await(g, elb, setup.targetGroup(), setup.v1(), Set.of());
            System.out.printf(
                    "set-up: CreateService -> steady state %.1f s, all %d targets healthy %.1f s%n",
                    first.steady(), DESIRED, first.newHealthy());
            List<Double> baseline = new ArrayList<>();
            List<Round> results = new ArrayList<>();
            String current = setup.v1();
            for (int i = 0; i < rounds; i++) {
                baseline.add(runFour(g, setup.v1()));
                String next = current.equals(setup.v1()) ? setup.v2() : setup.v1();
                results.add(round(g, elb, setup, url, next, clients, rate));
                current = next;
            }
            report(results, baseline, clients, rate);
        }
    }

    private static Round round(
            BenchGantry g,
            ElasticLoadBalancingV2Client elb,
            DeploySetup setup,
            URI url,
            String next,
            int clients,
            int rate)
            throws Exception {
        Set<String> old = new HashSet<>();
        health(elb, setup.targetGroup()).forEach(d -> old.add(d.target().id()));
        try (SteadyLoad load = SteadyLoad.start(url, clients, rate)) {
            Thread.sleep(1000); // the load is steady before the deployment starts
            g.ecs.updateService(b -> b.cluster(CLUSTER).service(SERVICE).taskDefinition(next));
            Poll p = await(g, elb, setup.targetGroup(), next, old);
            load.stop();
            settle(g); // untimed: the old tasks finish stopping before the next round (or the server's shutdown)
            String to = next.equals(setup.v1()) ? "v1" : "v2";
            return new Round(
                    to,
                    p.newHealthy(),
                    p.steady(),
                    p.drained(),
                    load.sent(),
                    load.failed(),
                    load.rate(),
                    load.bodies(),
                    load.firstFailures());
        }
    }

    /** Seconds from the call until each condition was first seen; {@code at} is when the last one was. */
    record Poll(double newHealthy, double steady, double drained, double at) {}

    private static Poll await(
            BenchGantry g, ElasticLoadBalancingV2Client elb, String tg, String taskDefinition, Set<String> old)
            throws InterruptedException {
        long start = System.nanoTime();
        double newHealthy = -1;
        double steady = -1;
        double drained = -1;
        while (newHealthy < 0 || steady < 0 || drained < 0) {
            if (BenchGantry.ms(start) > ROUND_LIMIT.toMillis()) {
                throw new IllegalStateException("no steady state within " + ROUND_LIMIT + ": " + describe(g));
            }
            Thread.sleep(POLL_MS);
            double now = BenchGantry.ms(start) / 1000;
            List<TargetHealthDescription> h = health(elb, tg);
            long healthyNew = h.stream()
                    .filter(d -> !old.contains(d.target().id()))
                    .filter(d -> d.targetHealth().state() == TargetHealthStateEnum.HEALTHY)
                    .count();
            if (newHealthy < 0 && healthyNew == DESIRED) {
                newHealthy = now;
            }
            if (drained < 0 && h.size() == DESIRED && healthyNew == DESIRED) {
                drained = now;
            }
            if (steady < 0 && steady(describe(g), taskDefinition)) {
                steady = now;
            }
        }
        return new Poll(newHealthy, steady, drained, BenchGantry.ms(start) / 1000);
    }

    static boolean steady(Service s, String taskDefinition) {
        if (s.deployments().size() != 1 || s.runningCount() != DESIRED) {
            return false;
        }
        Deployment d = s.deployments().get(0);
        return d.status().equals("PRIMARY")
                && d.taskDefinition().equals(taskDefinition)
                && "COMPLETED".equals(d.rolloutStateAsString());
    }

    /** Until every task the scheduler stopped has reached STOPPED. */
    private static void settle(BenchGantry g) throws InterruptedException {
        Instant limit = Instant.now().plus(ROUND_LIMIT);
        while (Instant.now().isBefore(limit)) {
            List<String> stopping = g.ecs.listTasks(
                            b -> b.cluster(CLUSTER).serviceName(SERVICE).desiredStatus(DesiredStatus.STOPPED))
                    .taskArns();
            if (stopping.isEmpty()
                    || g.ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(stopping)).tasks().stream()
                            .allMatch(t -> t.lastStatus().equals("STOPPED"))) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static Service describe(BenchGantry g) {
        return g.ecs.describeServices(b -> b.cluster(CLUSTER).services(SERVICE))
                .services()
                .get(0);
    }

    private static List<TargetHealthDescription> health(ElasticLoadBalancingV2Client elb, String tg) {
        return elb.describeTargetHealth(b -> b.targetGroupArn(tg)).targetHealthDescriptions();
    }

    /** The baseline: RunTask of 4 tasks of {@code taskDefinition} until all RUNNING (seconds), then stops them. */
    private static double runFour(BenchGantry g, String taskDefinition) throws InterruptedException {
        long start = System.nanoTime();
        List<String> arns = g
                .ecs
                .runTask(b -> b.cluster(CLUSTER)
                        .taskDefinition(taskDefinition)
                        .count(DESIRED)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .stream()
                .map(Task::taskArn)
                .toList();
        while (true) {
            List<Task> tasks =
                    g.ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks();
            if (tasks.stream().anyMatch(t -> t.lastStatus().equals("STOPPED"))) {
                throw new IllegalStateException("a baseline task stopped: " + tasks);
            }
            if (tasks.stream().allMatch(t -> t.lastStatus().equals("RUNNING"))) {
                break;
            }
            Thread.sleep(POLL_MS);
        }
        double s = BenchGantry.ms(start) / 1000;
        arns.forEach(arn -> g.ecs.stopTask(b -> b.cluster(CLUSTER).task(arn)));
        Instant limit = Instant.now().plus(ROUND_LIMIT);
        while (Instant.now().isBefore(limit)
                && !g.ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks().stream()
                        .allMatch(t -> t.lastStatus().equals("STOPPED"))) {
            Thread.sleep(POLL_MS);
        }
        return s;
    }

    private static void report(List<Round> rounds, List<Double> baseline, int clients, int rate) {
        double base = BenchGantry.percentile(baseline, 50);
        double floor = base + (THRESHOLD - 1) * INTERVAL_S + DEREGISTRATION_DELAY_S;
        System.out.printf(
                "%nRolling deployment of a %d-task service behind the router (min 100%% / max 200%%), %d rounds;"
                        + "%ntarget group health check every %d s (the minimum ELBv2 and ECS accept; 1 s is rejected"
                        + " by both), timeout %d s, healthy/unhealthy after %d, deregistration delay %d s;"
                        + "%nload: %d keep-alive clients at %s through the listener; polled every %d ms%n",
                DESIRED,
                rounds.size(),
                INTERVAL_S,
                TIMEOUT_S,
                THRESHOLD,
                DEREGISTRATION_DELAY_S,
                clients,
                rate > 0 ? rate + " req/s each" : "full speed",
                POLL_MS);
        System.out.printf("| round | to | new targets healthy (s) | steady state (s) | old targets drained (s)"
                + " | steady / floor | requests sent | failed | req/s | answers |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            System.out.printf(
                    "| %d | %s | %.1f | %.1f | %.1f | %.2fx | %d | %d | %.0f | %s |%n",
                    i + 1,
                    r.to(),
                    r.newHealthy(),
                    r.steady(),
                    r.drained(),
                    r.steady() / floor,
                    r.sent(),
                    r.failed(),
                    r.rate(),
                    r.bodies());
            r.failures().forEach(f -> System.out.println("    failed: " + f));
        }
        double s50 = BenchGantry.percentile(rounds.stream().map(Round::steady).toList(), 50);
        System.out.printf(
                "%n| | p50 (s) | / RunTask x%d | / floor |%n|---|---|---|---|%n"
                        + "| baseline: RunTask of %d tasks -> all RUNNING (no load balancer) | %.2f | 1.00x | |%n"
                        + "| floor: that + (healthy threshold - 1) x interval + deregistration delay (%d s) | %.2f"
                        + " | %.2fx | 1.00x |%n"
                        + "| UpdateService -> steady state | %.2f | %.2fx | %.2fx |%n"
                        + "| failed requests, all rounds | %d of %d | | |%n",
                DESIRED,
                DESIRED,
                base,
                (THRESHOLD - 1) * INTERVAL_S + DEREGISTRATION_DELAY_S,
                floor,
                floor / base,
                s50,
                s50 / base,
                s50 / floor,
                rounds.stream().mapToLong(Round::failed).sum(),
                rounds.stream().mapToLong(Round::sent).sum());
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
