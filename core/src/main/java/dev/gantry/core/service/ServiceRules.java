package dev.gantry.core.service;

import dev.gantry.core.error.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure checks of CreateService and UpdateService values, with ECS's error type (InvalidParameterException) and
 * messages that say what to change, including what BLUE_GREEN, LINEAR and CANARY add (facts §6.4): bake times,
 * step and canary percentages, PAUSE lifecycle hooks, advancedConfiguration's shape and its fit with the strategy.
 * The API edge reads the request (and looks rules and groups up in control/lb); these decide.
 */
public final class ServiceRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    public static final List<String> PROPAGATE_TAGS = List.of("TASK_DEFINITION", "SERVICE", "NONE");
    public static final int MAX_CLIENT_TOKEN = 36;
    public static final String STRATEGIES = "ROLLING, BLUE_GREEN, LINEAR and CANARY";
    public static final String BAKE_REQUIRED = "bakeTimeInMinutes is required with the BLUE_GREEN strategy: the "
            + "minutes both revisions keep running after production traffic moved (0 to 1440).";
    public static final String LAMBDA = "Gantry does not run AWS_LAMBDA lifecycle hooks. Use targetType PAUSE "
            + "(resume with ContinueServiceDeployment) or remove the hook.";
    public static final String NEEDS_ADVANCED = "The %s strategy moves traffic between two target groups: give "
            + "loadBalancers[].advancedConfiguration with alternateTargetGroupArn and productionListenerRule "
            + "(and optionally testListenerRule) for target group %s.";
    public static final String ADVANCED_NEEDS_STRATEGY = "loadBalancers[].advancedConfiguration is used only by the "
            + "BLUE_GREEN, LINEAR and CANARY strategies; set deploymentConfiguration.strategy to one of them or "
            + "remove it.";

    private ServiceRules() {}

    public static String serviceName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalidParameter("Invalid service name '" + (name == null ? "" : name) + "'. Up to "
                    + "255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.");
        }
        return name;
    }

    /** REPLICA (or absent) only: DAEMON is refused as on Fargate. */
    public static void schedulingStrategy(String strategy) {
        if (strategy == null || strategy.equals("REPLICA")) {
            return;
        }
        if (strategy.equals("DAEMON")) {
            throw ApiException.invalidParameter("The DAEMON scheduling strategy is not supported with the FARGATE "
                    + "launch type. Use REPLICA (the default) with a desiredCount.");
        }
        throw ApiException.invalidParameter(
                "Invalid schedulingStrategy '" + strategy + "'. Valid values are REPLICA and DAEMON.");
    }

    /** The ECS controller only. */
    public static void deploymentController(String type) {
        switch (type == null ? "" : type) {
            case "ECS" -> {}
            case "CODE_DEPLOY", "EXTERNAL" ->
                throw ApiException.invalidParameter("Gantry does not support the "
                        + type + " deployment controller yet. Use deploymentController type ECS (the default): it does "
                        + "rolling, blue/green, linear and canary deployments.");
            default ->
                throw ApiException.invalidParameter("Invalid deploymentController type '" + type + "'. Valid "
                        + "values are ECS, CODE_DEPLOY and EXTERNAL; Gantry supports ECS.");
        }
    }

    /** The strategy of that name; absent is ROLLING. */
    public static DeploymentStrategy strategy(String strategy) {
        if (strategy == null) {
            return DeploymentStrategy.ROLLING;
        }
        return Arrays.stream(DeploymentStrategy.values())
                .filter(s -> s.name().equals(strategy))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidParameter(
                        "Invalid deployment strategy '" + strategy + "'. Valid values are " + STRATEGIES + "."));
    }

    /** minimumHealthyPercent 0-100 and maximumPercent at least 100 (a REPLICA service on the ECS controller). */
    public static DeploymentSettings deploymentSettings(int min, int max, boolean breaker, boolean rollback) {
        return deploymentSettings(min, max, breaker, rollback, TrafficShiftSettings.ROLLING);
    }

    /** As {@link #deploymentSettings(int, int, boolean, boolean)}, with how traffic shifts. */
    public static DeploymentSettings deploymentSettings(
            int min, int max, boolean breaker, boolean rollback, TrafficShiftSettings shift) {
        if (min < 0 || min > 100) {
            throw ApiException.invalidParameter(
                    "minimumHealthyPercent is " + min + "; it must be between 0 and 100 for a REPLICA service.");
        }
        if (max < 100) {
            throw ApiException.invalidParameter("maximumPercent is " + max + "; it must be at least 100 so the "
                    + "service can run its desired count (the default is 200).");
        }
        return new DeploymentSettings(min, max, breaker, rollback, shift);
    }

    /**
     * linearConfiguration and canaryConfiguration only with their strategy, and bakeTimeInMinutes given when a
     * service turns BLUE_GREEN ({@code was} is the strategy before this request).
     */
    public static void strategyOptions(
            DeploymentStrategy strategy,
            DeploymentStrategy was,
            boolean linearGiven,
            boolean canaryGiven,
            boolean bakeGiven) {
        if (linearGiven && strategy != DeploymentStrategy.LINEAR) {
            throw ApiException.invalidParameter("linearConfiguration is only valid with the LINEAR strategy; the "
                    + "strategy is " + strategy + ". Remove it or set strategy to LINEAR.");
        }
        if (canaryGiven && strategy != DeploymentStrategy.CANARY) {
            throw ApiException.invalidParameter("canaryConfiguration is only valid with the CANARY strategy; the "
                    + "strategy is " + strategy + ". Remove it or set strategy to CANARY.");
        }
        if (strategy == DeploymentStrategy.BLUE_GREEN && !bakeGiven && was != strategy) {
            throw ApiException.invalidParameter(BAKE_REQUIRED);
        }
    }

    /** A deployment's minutes (bake times): 0 to 1440. */
    public static int minutes(String member, int value) {
        if (value < 0 || value > TrafficShiftSettings.MAX_MINUTES) {
            throw ApiException.invalidParameter(
                    member + " is " + value + "; valid values are 0 to 1440 minutes (24 hours).");
        }
        return value;
    }

    /** A percentage in multiples of 0.1 from {@code minPermille}/10 to 100.0, as tenths; {@code text} as given. */
    public static int permille(String label, double percent, String text, int minPermille) {
        double tenths = percent * 10;
        long rounded = Math.round(tenths);
        if (Math.abs(tenths - rounded) > 1e-6 || rounded < minPermille || rounded > 1000) {
            throw ApiException.invalidParameter(label + " is " + text + "; valid values are multiples of 0.1 from "
                    + (minPermille / 10.0) + " to 100.0.");
        }
        return (int) rounded;
    }

    /** The traffic-shift settings; lifecycle hooks only where traffic shifts. */
    public static TrafficShiftSettings shiftSettings(
            DeploymentStrategy strategy,
            int bakeTime,
            int stepPermille,
            int stepBake,
            int canaryPermille,
            int canaryBake,
            List<PauseHook> hooks) {
        if (!hooks.isEmpty() && !strategy.shiftsTraffic()) {
            throw ApiException.invalidParameter("lifecycleHooks are run by the BLUE_GREEN, LINEAR and CANARY "
                    + "strategies; the strategy is ROLLING. Remove them or change the strategy.");
        }
        return new TrafficShiftSettings(
                strategy,
                minutes("bakeTimeInMinutes", bakeTime),
                stepPermille,
                minutes("linearConfiguration.stepBakeTimeInMinutes", stepBake),
                canaryPermille,
                minutes("canaryConfiguration.canaryBakeTimeInMinutes", canaryBake),
                hooks);
    }

    /** PAUSE only (absent is ECS's default, AWS_LAMBDA, which Gantry cannot run). */
    public static void hookTargetType(String type) {
        if (type.equals("AWS_LAMBDA")) {
            throw ApiException.invalidParameter(LAMBDA);
        }
        if (!type.equals("PAUSE")) {
            throw ApiException.invalidParameter(
                    "Invalid lifecycle hook targetType '" + type + "'. Valid values are AWS_LAMBDA and PAUSE.");
        }
    }

    /** A PAUSE hook: its stages, timeout (at least a minute) and timeout action (ROLLBACK or CONTINUE). */
    public static PauseHook pauseHook(List<String> stageNames, Optional<Integer> timeoutInMinutes, String action) {
        if (stageNames.isEmpty()) {
            throw ApiException.invalidParameter("A lifecycle hook needs lifecycleStages: the stages the "
                    + "deployment pauses in (for example POST_TEST_TRAFFIC_SHIFT).");
        }
        List<LifecycleStage> stages =
                stageNames.stream().map(ServiceRules::hookStage).toList();
        timeoutInMinutes.ifPresent(m -> {
            if (m < 1) {
                throw ApiException.invalidParameter(
                        "timeoutConfiguration.timeoutInMinutes is " + m + "; give at least 1 minute.");
            }
        });
        if (!action.equals(PauseHook.ROLLBACK) && !action.equals(PauseHook.CONTINUE)) {
            throw ApiException.invalidParameter(
                    "Invalid timeoutConfiguration.action '" + action + "'. Valid values are ROLLBACK and CONTINUE.");
        }
        return new PauseHook(stages, timeoutInMinutes, action);
    }

    private static LifecycleStage hookStage(String s) {
        if (s.equals("RECONCILE_SERVICE")) {
            throw ApiException.invalidParameter("Gantry's deployments have no RECONCILE_SERVICE stage (a new "
                    + "deployment always starts from one serving revision); pause at PRE_SCALE_UP instead.");
        }
        return Arrays.stream(LifecycleStage.values())
                .filter(x -> x.name().equals(s)
                        && x != LifecycleStage.BAKE_TIME
                        && x != LifecycleStage.CLEAN_UP
                        && x != LifecycleStage.SCALE_UP)
                .findFirst()
                .orElseThrow(() -> ApiException.invalidParameter("Invalid lifecycle stage '" + s + "'. Valid values "
                        + "are PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, "
                        + "PRE_PRODUCTION_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT and POST_PRODUCTION_TRAFFIC_SHIFT."));
    }

    /** The alternate group differs from the primary; a rule is a listener rule's ARN; test differs from production. */
    public static void advancedConfiguration(
            String primary, String alternate, String production, Optional<String> test) {
        if (alternate.equals(primary)) {
            throw ApiException.invalidParameter("advancedConfiguration.alternateTargetGroupArn must differ from "
                    + "targetGroupArn " + primary + ": blue and green need a target group each.");
        }
        listenerRuleArn("productionListenerRule", production);
        test.ifPresent(t -> {
            if (t.equals(production)) {
                throw ApiException.invalidParameter("testListenerRule must differ from productionListenerRule: test "
                        + "traffic reaches the new revision before production traffic does.");
            }
            listenerRuleArn("testListenerRule", t);
        });
    }

    private static void listenerRuleArn(String member, String arn) {
        if (!arn.contains(":listener-rule/")) {
            throw ApiException.invalidParameter("advancedConfiguration." + member + " '" + arn + "' is not a listener "
                    + "rule ARN. Gantry moves traffic by the weights of an Application Load Balancer's listener "
                    + "rules (a listener's default rule counts); Network Load Balancer listeners are not supported.");
        }
    }

    /** The strategy and the load balancers fit: every load balancer has advancedConfiguration iff traffic shifts. */
    public static void loadBalancersFit(DeploymentSettings settings, List<ServiceLoadBalancer> lbs) {
        DeploymentStrategy s = settings.strategy();
        for (ServiceLoadBalancer lb : lbs) {
            if (s.shiftsTraffic() && lb.advanced().isEmpty()) {
                throw ApiException.invalidParameter(String.format(NEEDS_ADVANCED, s, lb.targetGroupArn()));
            }
            if (!s.shiftsTraffic() && lb.advanced().isPresent()) {
                throw ApiException.invalidParameter(ADVANCED_NEEDS_STRATEGY);
            }
        }
    }

    public static void propagateTags(String value) {
        if (value != null && !PROPAGATE_TAGS.contains(value)) {
            throw ApiException.invalidParameter(
                    "Invalid propagateTags '" + value + "'. Valid values are TASK_DEFINITION, SERVICE and NONE.");
        }
    }

    public static int healthCheckGracePeriod(int seconds) {
        if (seconds < 0) {
            throw ApiException.invalidParameter(
                    "healthCheckGracePeriodSeconds is " + seconds + "; it must be between 0 and 2147483647.");
        }
        return seconds;
    }

    public static int desiredCount(int desired) {
        if (desired < 0) {
            throw ApiException.invalidParameter("desiredCount is " + desired + "; it cannot be negative.");
        }
        return desired;
    }

    public static void clientToken(String token) {
        if (token != null && (token.isEmpty() || token.length() > MAX_CLIENT_TOKEN)) {
            throw ApiException.invalidParameter("clientToken must be 1 to " + MAX_CLIENT_TOKEN + " characters.");
        }
    }
}
