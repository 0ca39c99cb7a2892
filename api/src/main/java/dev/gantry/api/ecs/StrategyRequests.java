package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.control.lb.ForwardRule;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.service.AdvancedConfiguration;
import dev.gantry.core.service.DeploymentStrategy;
import dev.gantry.core.service.PauseHook;
import dev.gantry.core.service.ServiceRules;
import dev.gantry.core.service.TrafficShiftSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what BLUE_GREEN, LINEAR and CANARY deployments add to CreateService and UpdateService (facts §6.4): the
 * strategy, bakeTimeInMinutes, linearConfiguration, canaryConfiguration, PAUSE lifecycle hooks, and each load
 * balancer's advancedConfiguration. {@link ServiceRules} decides the values; this looks the listener rules and the
 * alternate group up in control/lb (they must exist and forward to the service's pair of target groups).
 */
final class StrategyRequests {
    private StrategyRequests() {}

    /** The traffic-shift part of {@code deploymentConfiguration} over {@code base}. */
    static TrafficShiftSettings shift(JsonNode dc, TrafficShiftSettings base) {
        DeploymentStrategy strategy =
                Input.string(dc, "strategy").map(ServiceRules::strategy).orElse(base.strategy());
        JsonNode linear = dc.get("linearConfiguration");
        JsonNode canary = dc.get("canaryConfiguration");
        Optional<Integer> bake = Input.integer(dc, "bakeTimeInMinutes");
        ServiceRules.strategyOptions(
                strategy,
                base.strategy(),
                !ServiceRequests.empty(linear),
                !ServiceRequests.empty(canary),
                bake.isPresent());
        int step = percent(linear, "linearConfiguration.stepPercent", "stepPercent", base.stepPermille(), 30);
        int canaryShare =
                percent(canary, "canaryConfiguration.canaryPercent", "canaryPercent", base.canaryPermille(), 1);
        List<PauseHook> hooks = dc.has("lifecycleHooks") ? hooks(dc.get("lifecycleHooks")) : base.hooks();
        return ServiceRules.shiftSettings(
                strategy,
                bake.orElse(base.bakeTimeInMinutes()),
                step,
                integer(linear, "stepBakeTimeInMinutes").orElse(base.stepBakeTimeInMinutes()),
                canaryShare,
                integer(canary, "canaryBakeTimeInMinutes").orElse(base.canaryBakeTimeInMinutes()),
                hooks);
    }

    private static Optional<Integer> integer(JsonNode parent, String member) {
        return parent == null || parent.isNull() ? Optional.empty() : Input.integer(parent, member);
    }

    /** A percentage member as tenths, or {@code dflt} when absent. */
    private static int percent(JsonNode parent, String label, String member, int dflt, int minPermille) {
        if (parent == null
                || parent.isNull()
                || !parent.has(member)
                || parent.get(member).isNull()) {
            return dflt;
        }
        JsonNode n = parent.get(member);
        if (!n.isNumber()) {
            throw ApiException.serialization("'" + label + "' must be a number.");
        }
        return ServiceRules.permille(label, n.asDouble(), n.asText(), minPermille);
    }

    private static List<PauseHook> hooks(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ApiException.serialization("'deploymentConfiguration.lifecycleHooks' must be a list.");
        }
        List<PauseHook> out = new ArrayList<>();
        for (JsonNode h : list) {
            ServiceRules.hookTargetType(Input.string(h, "targetType").orElse("AWS_LAMBDA")); // ECS's default
            JsonNode timeout = h.get("timeoutConfiguration");
            String action = timeout == null || timeout.isNull()
                    ? PauseHook.ROLLBACK
                    : Input.string(timeout, "action").orElse(PauseHook.ROLLBACK);
            out.add(ServiceRules.pauseHook(
                    Input.strings(h, "lifecycleStages"), integer(timeout, "timeoutInMinutes"), action));
        }
        return out;
    }

    /** One load balancer's advancedConfiguration, checked against the registry. */
    static Optional<AdvancedConfiguration> advanced(JsonNode lb, String primaryGroup, TargetGroupRegistry registry) {
        JsonNode a = lb.get("advancedConfiguration");
        if (ServiceRequests.empty(a)) {
            return Optional.empty();
        }
        String alternate = Input.string(a, "alternateTargetGroupArn")
                .orElseThrow(() -> ApiException.invalidParameter("advancedConfiguration.alternateTargetGroupArn is "
                        + "required: the target group the new revision is registered in during a deployment."));
        String production = Input.string(a, "productionListenerRule")
                .orElseThrow(() -> ApiException.invalidParameter("advancedConfiguration.productionListenerRule is "
                        + "required: the ARN of the listener rule whose weights move production traffic."));
        Optional<String> test = Input.string(a, "testListenerRule");
        ServiceRules.advancedConfiguration(primaryGroup, alternate, production, test);
        TargetGroupRef alt = registry.targetGroup(alternate)
                .orElseThrow(() -> ApiException.invalidParameter("Unable to find the alternate target group '"
                        + alternate + "'. Create it with aws elbv2 create-target-group (target type ip)."));
        if (!alt.targetType().equals("ip")) {
            throw ApiException.invalidParameter("The alternate target group " + alternate + " has target type "
                    + alt.targetType() + "; use a target group with target type ip.");
        }
        List<String> pair = List.of(primaryGroup, alternate);
        rule("productionListenerRule", production, pair, registry);
        test.ifPresent(t -> rule("testListenerRule", t, pair, registry));
        return Optional.of(new AdvancedConfiguration(alternate, production, test, Input.string(a, "roleArn")));
    }

    private static void rule(String member, String arn, List<String> pair, TargetGroupRegistry registry) {
        ForwardRule r = registry.listenerRule(arn)
                .orElseThrow(() -> ApiException.invalidParameter("Unable to find the listener rule '" + arn + "' ("
                        + member + "). Create it with aws elbv2 create-rule, or give an existing rule's ARN."));
        if (!r.forwardsOnlyTo(pair)) {
            throw ApiException.invalidParameter("The listener rule " + arn + " (" + member + ") must forward to the "
                    + "service's target group " + pair.get(0) + " (and may forward to its alternate " + pair.get(1)
                    + "), and to no other group. Change its forward action with aws elbv2 modify-rule.");
        }
    }
}
