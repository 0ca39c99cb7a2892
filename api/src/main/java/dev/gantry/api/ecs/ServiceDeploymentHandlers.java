package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentMath;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.TrafficShift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ListServiceDeployments and DescribeServiceDeployments: each of a service's deployments is one service deployment,
 * ARN {@code service-deployment/CLUSTER/SERVICE/DIGITS} (the digits of its {@code ecs-svc/} id), its target revision
 * {@code service-revision/CLUSTER/SERVICE/DIGITS}. A rollback is the deployment the circuit breaker started.
 */
final class ServiceDeploymentHandlers {
    private static final Set<String> STATUSES = Set.of(
            "PENDING",
            "SUCCESSFUL",
            "STOPPED",
            "STOP_REQUESTED",
            "IN_PROGRESS",
            "ROLLBACK_REQUESTED",
            "ROLLBACK_IN_PROGRESS",
            "ROLLBACK_SUCCESSFUL",
            "ROLLBACK_FAILED");
    private final EcsContext ctx;
    private final ClusterHandlers clusters;
    private final ServiceHandlers services;

    ServiceDeploymentHandlers(EcsContext ctx, ClusterHandlers clusters, ServiceHandlers services) {
        this.ctx = ctx;
        this.clusters = clusters;
        this.services = services;
    }

    JsonNode list(JsonNode in) {
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        Service svc = services.find(cluster, Input.required(in, "service"));
        List<String> statuses = Input.strings(in, "status");
        for (String s : statuses) {
            if (!STATUSES.contains(s)) {
                throw ApiException.invalidParameter("Invalid status '" + s + "'. Valid values are "
                        + String.join(", ", STATUSES.stream().sorted().toList()) + ".");
            }
        }
        JsonNode created = in.path("createdAt");
        Optional<Instant> after = instant(created, "after");
        Optional<Instant> before = instant(created, "before");
        Input.Paging p = Input.paging(in, 20);
        List<Deployment> all = ctx.services().deployments(svc.serviceArn());
        Map<String, TrafficShift> shifts = shifts(svc);
        List<Deployment> match = new ArrayList<>();
        for (Deployment d : all) {
            if ((statuses.isEmpty() || statuses.contains(status(d, all, shifts)))
                    && after.map(a -> !d.createdAt().isBefore(a)).orElse(true)
                    && before.map(b -> d.createdAt().isBefore(b)).orElse(true)) {
                match.add(d);
            }
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode list = out.putArray("serviceDeployments");
        int from = (int) Math.min(p.offset(), match.size());
        int to = Math.min(from + p.limit(), match.size());
        for (Deployment d : match.subList(from, to)) {
            ObjectNode n = list.addObject();
            n.put("serviceDeploymentArn", arn(svc, d));
            n.put("serviceArn", svc.serviceArn());
            n.put("clusterArn", svc.spec().clusterArn());
            ServiceView.time(n, "startedAt", d.createdAt());
            ServiceView.time(n, "createdAt", d.createdAt());
            d.finishedAt().ifPresent(f -> ServiceView.time(n, "finishedAt", f));
            n.put("targetServiceRevisionArn", revision(svc, d));
            n.put("status", status(d, all, shifts));
            n.put("statusReason", d.rolloutStateReason());
        }
        if (to < match.size()) {
            out.put("nextToken", dev.gantry.store.Page.token(to));
        }
        return out;
    }

    JsonNode describe(JsonNode in) {
        List<String> refs = Input.strings(in, "serviceDeploymentArns");
        if (refs.isEmpty() || refs.size() > 20) {
            throw ApiException.invalidParameter("'serviceDeploymentArns' must list 1 to 20 service deployment ARNs.");
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode list = out.putArray("serviceDeployments");
        ArrayNode failures = out.putArray("failures");
        for (String ref : refs) {
            Optional<ObjectNode> found = find(ref);
            if (found.isPresent()) {
                list.add(found.get());
            } else {
                failures.addObject().put("arn", ref).put("reason", "MISSING");
            }
        }
        return out;
    }

    /** A service deployment ARN's service and deployment, if both exist. */
    record Located(Service service, Deployment deployment) {}

    Optional<Located> locate(String ref) {
        String prefix = ctx.arns().serviceDeployment("", "", "");
        prefix = prefix.substring(0, prefix.length() - 2); // ...:service-deployment/
        if (!ref.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = ref.substring(prefix.length()).split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<Service> svc = ctx.services().find(ctx.arns().service(parts[0], parts[1]));
        Optional<Deployment> d = ctx.services()
                .deployment("ecs-svc/" + parts[2])
                .filter(x -> svc.isPresent() && x.serviceArn().equals(svc.get().serviceArn()));
        return d.map(x -> new Located(svc.get(), x));
    }

    private Optional<ObjectNode> find(String ref) {
        return locate(ref)
                .map(l -> render(
                        l.service(),
                        l.deployment(),
                        ctx.services().deployments(l.service().serviceArn())));
    }

    private ObjectNode render(Service svc, Deployment d, List<Deployment> all) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("serviceDeploymentArn", arn(svc, d));
        n.put("serviceArn", svc.serviceArn());
        n.put("clusterArn", svc.spec().clusterArn());
        ServiceView.time(n, "createdAt", d.createdAt());
        ServiceView.time(n, "startedAt", d.createdAt());
        d.finishedAt().ifPresent(f -> ServiceView.time(n, "finishedAt", f));
        ServiceView.time(n, "updatedAt", d.updatedAt());
        ArrayNode sources = n.putArray("sourceServiceRevisions");
        all.stream()
                .filter(o -> o.createdAt().isBefore(d.createdAt()))
                .findFirst()
                .ifPresent(o -> sources.addObject()
                        .put("arn", revision(svc, o))
                        .put("requestedTaskCount", o.desiredCount())
                        .put("runningTaskCount", o.runningCount())
                        .put("pendingTaskCount", o.pendingCount()));
        n.putObject("targetServiceRevision")
                .put("arn", revision(svc, d))
                .put("requestedTaskCount", d.desiredCount())
                .put("runningTaskCount", d.runningCount())
                .put("pendingTaskCount", d.pendingCount());
        Map<String, TrafficShift> shifts = shifts(svc);
        n.put("status", status(d, all, shifts));
        n.put("statusReason", d.rolloutStateReason());
        Optional.ofNullable(shifts.get(d.id())).ifPresent(sh -> {
            StrategyView.shift(n, sh);
            StrategyView.weights(n, sh);
            if (sh.outcome() == TrafficShift.Outcome.ROLLED_BACK) {
                all.stream()
                        .filter(b -> b.id().equals(sh.blueDeploymentId()))
                        .findFirst()
                        .ifPresent(b -> {
                            ObjectNode rb = n.putObject("rollback");
                            rb.put("reason", d.rolloutStateReason());
                            ServiceView.time(rb, "startedAt", d.updatedAt());
                            rb.put("serviceRevisionArn", revision(svc, b));
                        });
            }
        });
        n.set(
                "deploymentConfiguration",
                ServiceView.deploymentConfiguration(svc.spec().deployment()));
        all.stream()
                .filter(r -> r.rollbackOf().equals(Optional.of(d.id())))
                .findFirst()
                .ifPresent(r -> {
                    ObjectNode rb = n.putObject("rollback");
                    rb.put("reason", r.rolloutStateReason());
                    ServiceView.time(rb, "startedAt", r.createdAt());
                    rb.put("serviceRevisionArn", revision(svc, r));
                });
        boolean breaker = svc.spec().deployment().circuitBreakerEnabled();
        n.putObject("deploymentCircuitBreaker")
                .put(
                        "status",
                        !breaker
                                ? "DISABLED"
                                : d.rolloutState() == RolloutState.FAILED
                                        ? "TRIGGERED"
                                        : d.rolloutState() == RolloutState.COMPLETED
                                                ? "MONITORING_COMPLETE"
                                                : "MONITORING")
                .put("failureCount", d.failedTasks())
                .put(
                        "threshold",
                        DeploymentMath.circuitBreakerThreshold(svc.spec().desiredCount()));
        return n;
    }

    private Map<String, TrafficShift> shifts(Service svc) {
        Map<String, TrafficShift> out = new HashMap<>();
        ctx.services()
                .shifts()
                .ofService(svc.serviceArn())
                .forEach(st -> out.put(st.shift().deploymentId(), st.shift()));
        return out;
    }

    /** As {@link #status(Deployment, List)}; a traffic shift that went back to blue is ROLLBACK_SUCCESSFUL. */
    static String status(Deployment d, List<Deployment> all, Map<String, TrafficShift> shifts) {
        TrafficShift sh = shifts.get(d.id());
        if (sh != null && sh.outcome() == TrafficShift.Outcome.ROLLED_BACK) {
            return "ROLLBACK_SUCCESSFUL";
        }
        return status(d, all);
    }

    /** ECS's ServiceDeploymentStatus for a deployment, given the service's other deployments. */
    static String status(Deployment d, List<Deployment> all) {
        Optional<Deployment> rollback = all.stream()
                .filter(r -> r.rollbackOf().equals(Optional.of(d.id())))
                .findFirst();
        return switch (d.rolloutState()) {
            case COMPLETED -> "SUCCESSFUL";
            case FAILED ->
                rollback.map(r -> switch (r.rolloutState()) {
                            case IN_PROGRESS -> "ROLLBACK_IN_PROGRESS";
                            case COMPLETED -> "ROLLBACK_SUCCESSFUL";
                            case FAILED -> "ROLLBACK_FAILED";
                        })
                        .orElse("STOPPED");
            case IN_PROGRESS -> d.status() == DeploymentStatus.PRIMARY ? "IN_PROGRESS" : "STOPPED";
        };
    }

    private String arn(Service svc, Deployment d) {
        return ctx.arns()
                .serviceDeployment(
                        svc.spec().clusterName(), svc.serviceName(), DeploymentMath.deploymentNumber(d.id()));
    }

    String revision(Service svc, Deployment d) {
        return ctx.arns()
                .serviceRevision(svc.spec().clusterName(), svc.serviceName(), DeploymentMath.deploymentNumber(d.id()));
    }

    private static Optional<Instant> instant(JsonNode parent, String member) {
        JsonNode n = parent.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isNumber()) {
            throw ApiException.serialization("'createdAt." + member + "' must be a timestamp (epoch seconds).");
        }
        return Optional.of(Instant.ofEpochMilli(Math.round(n.asDouble() * 1000)));
    }
}
