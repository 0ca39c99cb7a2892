package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.service.AdvancedConfiguration;
import dev.gantry.core.service.DeploymentStrategy;
import dev.gantry.core.service.HookRun;
import dev.gantry.core.service.LifecycleStage;
import dev.gantry.core.service.PauseHook;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.service.TrafficShiftSettings;

/**
 * Renders what BLUE_GREEN, LINEAR and CANARY add to ECS's shapes: the strategy members of DeploymentConfiguration,
 * a load balancer's advancedConfiguration, and a service deployment's lifecycleStage, lifecycle hook details and
 * traffic weights.
 */
final class StrategyView {
    private StrategyView() {}

    static void strategy(ObjectNode dc, TrafficShiftSettings s) {
        dc.put("strategy", s.strategy().name());
        if (!s.strategy().shiftsTraffic()) {
            return;
        }
        dc.put("bakeTimeInMinutes", s.bakeTimeInMinutes());
        if (s.strategy() == DeploymentStrategy.LINEAR) {
            dc.putObject("linearConfiguration")
                    .put("stepPercent", percent(s.stepPermille()))
                    .put("stepBakeTimeInMinutes", s.stepBakeTimeInMinutes());
        }
        if (s.strategy() == DeploymentStrategy.CANARY) {
            dc.putObject("canaryConfiguration")
                    .put("canaryPercent", percent(s.canaryPermille()))
                    .put("canaryBakeTimeInMinutes", s.canaryBakeTimeInMinutes());
        }
        if (!s.hooks().isEmpty()) {
            ArrayNode hooks = dc.putArray("lifecycleHooks");
            for (PauseHook h : s.hooks()) {
                ObjectNode o = hooks.addObject().put("targetType", "PAUSE");
                ArrayNode stages = o.putArray("lifecycleStages");
                h.stages().forEach(st -> stages.add(st.name()));
                ObjectNode t = o.putObject("timeoutConfiguration").put("action", h.timeoutAction());
                h.timeoutInMinutes().ifPresent(m -> t.put("timeoutInMinutes", m));
            }
        }
    }

    static void advanced(ObjectNode lb, AdvancedConfiguration a) {
        ObjectNode o = lb.putObject("advancedConfiguration")
                .put("alternateTargetGroupArn", a.alternateTargetGroupArn())
                .put("productionListenerRule", a.productionListenerRule());
        a.testListenerRule().ifPresent(t -> o.put("testListenerRule", t));
        a.roleArn().ifPresent(r -> o.put("roleArn", r));
    }

    /** lifecycleStage and lifecycleHookDetails of a shifting deployment's ServiceDeployment. */
    static void shift(ObjectNode n, TrafficShift s) {
        LifecycleStage stage = s.stage();
        n.put("lifecycleStage", stage.wireName());
        if (!s.hooks().isEmpty()) {
            ArrayNode hooks = n.putArray("lifecycleHookDetails");
            for (HookRun r : s.hooks()) {
                ObjectNode o = hooks.addObject()
                        .put("hookId", r.hookId())
                        .put("targetType", "PAUSE")
                        .put("status", r.status())
                        .put("timeoutAction", r.timeoutAction());
                r.expiresAt().ifPresent(at -> ServiceView.time(o, "expiresAt", at));
            }
        }
    }

    /** A revision's share of production or test traffic as a percentage. */
    static double percent(int permille) {
        return permille / 10.0;
    }

    /** The traffic each revision is asked to get (ServiceRevisionSummary's requested weights). */
    static void weights(ObjectNode n, TrafficShift s) {
        boolean back = s.outcome() == TrafficShift.Outcome.ROLLED_BACK;
        int production = back ? 0 : s.productionPermille();
        int test = s.testOnGreen() ? 1000 : 0;
        ObjectNode target = (ObjectNode) n.get("targetServiceRevision");
        target.put("requestedProductionTrafficWeight", percent(production))
                .put("requestedTestTrafficWeight", percent(test));
        if (n.get("sourceServiceRevisions") instanceof ArrayNode sources && !sources.isEmpty()) {
            ((ObjectNode) sources.get(0))
                    .put("requestedProductionTrafficWeight", percent(1000 - production))
                    .put("requestedTestTrafficWeight", percent(1000 - test));
        }
    }
}
