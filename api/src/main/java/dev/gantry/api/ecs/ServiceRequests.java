package dev.gantry.api.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.run.CapacityProviderStrategyItem;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.run.RunTaskValidator;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentTarget;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceRules;
import dev.gantry.core.service.TrafficShiftSettings;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the members CreateService and UpdateService share. Members Gantry does not act on are refused
 * by name unless empty; every message says what to change.
 */
final class ServiceRequests {
    static final Set<String> CREATE = Set.of(
            "cluster",
            "serviceName",
            "taskDefinition",
            "loadBalancers",
            "desiredCount",
            "clientToken",
            "launchType",
            "capacityProviderStrategy",
            "platformVersion",
            "deploymentConfiguration",
            "networkConfiguration",
            "healthCheckGracePeriodSeconds",
            "schedulingStrategy",
            "deploymentController",
            "tags",
            "enableECSManagedTags",
            "propagateTags",
            "availabilityZoneRebalancing",
            "serviceRegistries",
            "serviceConnectConfiguration");
    static final Set<String> UPDATE = Set.of(
            "cluster",
            "service",
            "desiredCount",
            "taskDefinition",
            "capacityProviderStrategy",
            "deploymentConfiguration",
            "networkConfiguration",
            "platformVersion",
            "forceNewDeployment",
            "healthCheckGracePeriodSeconds",
            "deploymentController",
            "enableECSManagedTags",
            "loadBalancers",
            "propagateTags",
            "availabilityZoneRebalancing",
            "serviceRegistries",
            "serviceConnectConfiguration");
    private static final Set<String> DEPLOYMENT_CONFIGURATION = Set.of(
            "deploymentCircuitBreaker",
            "maximumPercent",
            "minimumHealthyPercent",
            "strategy",
            "alarms",
            "bakeTimeInMinutes",
            "linearConfiguration",
            "canaryConfiguration",
            "lifecycleHooks");

    private ServiceRequests() {}

    /** Refuses members Gantry does not act on (unless empty) and {@code enableExecuteCommand: true}. */
    static void checkSupported(JsonNode in, Set<String> supported) {
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!supported.contains(f.getKey()) && !empty(f.getValue())) {
                throw ApiException.invalidParameter("Gantry does not support '" + f.getKey() + "' on services yet. "
                        + "Remove it (or leave it empty); see docs/compat/ecs.md for what is supported.");
            }
        }
    }

    static String serviceName(String name) {
        return ServiceRules.serviceName(name);
    }

    static void schedulingStrategy(Optional<String> strategy) {
        ServiceRules.schedulingStrategy(strategy.orElse(null));
    }

    static void deploymentController(JsonNode in) {
        JsonNode c = in.get("deploymentController");
        if (c != null && !c.isNull()) {
            ServiceRules.deploymentController(c.path("type").asText(""));
        }
    }

    /** {@code deploymentConfiguration} over {@code base} (the defaults, or the service's current settings). */
    static DeploymentSettings deploymentSettings(JsonNode in, DeploymentSettings base) {
        JsonNode dc = in.get("deploymentConfiguration");
        if (dc == null || dc.isNull()) {
            return base;
        }
        if (!dc.isObject()) {
            throw ApiException.serialization("'deploymentConfiguration' must be an object.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = dc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!DEPLOYMENT_CONFIGURATION.contains(f.getKey()) && !empty(f.getValue())) {
                throw ApiException.invalidParameter("Gantry does not support 'deploymentConfiguration." + f.getKey()
                        + "' yet. Remove it; see docs/compat/ecs.md for what is supported.");
            }
        }
        TrafficShiftSettings shift = StrategyRequests.shift(dc, base.shift());
        if (dc.path("alarms").path("enable").asBoolean(false)) {
            throw ApiException.invalidParameter("Gantry does not support CloudWatch alarms on deployments yet. Set "
                    + "deploymentConfiguration.alarms.enable to false or remove alarms.");
        }
        int min = Input.integer(dc, "minimumHealthyPercent").orElse(base.minimumHealthyPercent());
        int max = Input.integer(dc, "maximumPercent").orElse(base.maximumPercent());
        boolean enable = base.circuitBreakerEnabled();
        boolean rollback = base.rollback();
        JsonNode cb = dc.get("deploymentCircuitBreaker");
        if (cb != null && !cb.isNull()) {
            if (!cb.has("enable") || !cb.has("rollback")) {
                throw ApiException.invalidParameter(
                        "deploymentCircuitBreaker needs both 'enable' and 'rollback' " + "(true or false).");
            }
            if (!cb.get("enable").isBoolean() || !cb.get("rollback").isBoolean()) {
                throw ApiException.serialization(
                        "deploymentCircuitBreaker.enable and .rollback must be true or false.");
            }
            enable = cb.get("enable").asBoolean();
            rollback = cb.get("rollback").asBoolean();
        }
        return ServiceRules.deploymentSettings(min, max, enable, rollback, shift);
    }

    static Optional<NetworkConfiguration> network(JsonNode in) {
        return bind(in, "networkConfiguration", NetworkConfiguration.class);
    }

    static Optional<List<CapacityProviderStrategyItem>> capacity(JsonNode in) {
        if (!in.has("capacityProviderStrategy")
                || in.get("capacityProviderStrategy").isNull()) {
            return Optional.empty();
        }
        if (!in.get("capacityProviderStrategy").isArray()) {
            throw ApiException.serialization("'capacityProviderStrategy' must be a list.");
        }
        List<CapacityProviderStrategyItem> out = new ArrayList<>();
        for (JsonNode item : in.get("capacityProviderStrategy")) {
            try {
                out.add(Json.mapper().treeToValue(item, CapacityProviderStrategyItem.class));
            } catch (JsonProcessingException e) {
                throw WireErrors.rejected(e, ApiException::invalidParameter);
            }
        }
        return Optional.of(out);
    }

    private static <T> Optional<T> bind(JsonNode in, String member, Class<T> type) {
        JsonNode n = in.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().treeToValue(n, type));
        } catch (JsonProcessingException e) {
            throw WireErrors.rejected(e, ApiException::invalidParameter);
        }
    }

    /** A deployment's launch settings, checked with RunTask's rules (what each of its tasks will be started with). */
    static void validateTarget(DeploymentTarget t, String clusterName) {
        RunTaskValidator.validateRequest(new RunTaskRequest(
                clusterName,
                t.taskDefinitionArn(),
                1,
                t.launchType().orElse(null),
                t.capacityProviderStrategy().isEmpty() ? null : t.capacityProviderStrategy(),
                t.networkConfiguration(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                t.platformVersion(),
                null,
                null));
    }

    static Optional<String> propagateTags(JsonNode in) {
        Optional<String> p = Input.string(in, "propagateTags");
        ServiceRules.propagateTags(p.orElse(null));
        return p.filter(v -> !v.equals("NONE"));
    }

    static Optional<Integer> grace(JsonNode in) {
        return Input.integer(in, "healthCheckGracePeriodSeconds").map(ServiceRules::healthCheckGracePeriod);
    }

    static Optional<Boolean> bool(JsonNode in, String member) {
        JsonNode n = in.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            throw ApiException.serialization("'" + member + "' must be true or false.");
        }
        return Optional.of(n.asBoolean());
    }

    /**
     * {@code loadBalancers}: each names a target group that exists, has target type ip and a load balancer, and a
     * container and containerPort of the task definition.
     */
    static Optional<List<ServiceLoadBalancer>> loadBalancers(
            JsonNode in, TaskDefinition td, TargetGroupRegistry registry) {
        JsonNode lbs = in.get("loadBalancers");
        if (lbs == null || lbs.isNull()) {
            return Optional.empty();
        }
        if (!lbs.isArray()) {
            throw ApiException.serialization("'loadBalancers' must be a list.");
        }
        if (lbs.size() > 5) {
            throw ApiException.invalidParameter(
                    "A service can have at most 5 loadBalancers; this one has " + lbs.size() + ".");
        }
        List<ServiceLoadBalancer> out = new ArrayList<>();
        for (JsonNode lb : lbs) {
            if (!empty(lb.get("loadBalancerName"))) {
                throw ApiException.invalidParameter("Classic Load Balancers (loadBalancerName) are not supported. "
                        + "Give the targetGroupArn of an application or network load balancer's target group.");
            }
            String tgArn = Input.string(lb, "targetGroupArn")
                    .orElseThrow(
                            () -> ApiException.invalidParameter(
                                    "loadBalancers[].targetGroupArn is required: the ARN of a target group with target type ip."));
            String container = Input.string(lb, "containerName")
                    .orElseThrow(() -> ApiException.invalidParameter(
                            "loadBalancers[].containerName is required: the container that receives the traffic."));
            int port = Input.integer(lb, "containerPort")
                    .orElseThrow(() -> ApiException.invalidParameter(
                            "loadBalancers[].containerPort is required: a containerPort of " + container
                                    + "'s portMappings."));
            TargetGroupRef tg = registry.targetGroup(tgArn)
                    .orElseThrow(() -> ApiException.invalidParameter("Unable to find the target group '" + tgArn
                            + "'. Create it with aws elbv2 create-target-group "
                            + "(target type ip) and give its ARN."));
            if (!tg.targetType().equals("ip")) {
                throw ApiException.invalidParameter("The provided target group " + tgArn + " has target type "
                        + tg.targetType() + ", which is incompatible with the awsvpc network mode specified in the "
                        + "task definition. Use a target group with target type ip.");
            }
            if (tg.loadBalancerArns().isEmpty()) {
                throw ApiException.invalidParameter("The target group with targetGroupArn " + tgArn + " does not "
                        + "have an associated load balancer. Add a listener or rule that forwards to it first.");
            }
            ContainerDefinition c = td.containers().stream()
                    .filter(x -> x.name().equals(container))
                    .findFirst()
                    .orElseThrow(() -> ApiException.invalidParameter("The container " + container + " does not "
                            + "exist in the task definition " + td.taskDefinitionArn() + "."));
            boolean mapped = c.portMappingsOrEmpty().stream()
                    .map(PortMapping::containerPort)
                    .anyMatch(p -> p != null && p == port);
            if (!mapped) {
                throw ApiException.invalidParameter("The container " + container + " did not have a container port "
                        + port + " defined. Add it to the container's portMappings or use one of its ports.");
            }
            out.add(new ServiceLoadBalancer(tgArn, container, port, StrategyRequests.advanced(lb, tgArn, registry)));
        }
        return Optional.of(out);
    }

    static boolean empty(JsonNode v) {
        return v == null
                || v.isNull()
                || (v.isContainerNode() && v.isEmpty())
                || (v.isBoolean() && !v.asBoolean())
                || (v.isTextual() && v.asText().isEmpty());
    }
}
