package dev.gantry.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceRulesTest {

    private static void refused(Runnable r, String says) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining(says);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "web-2", "A_b-9"})
    void goodNames(String name) {
        assertThat(ServiceRules.serviceName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "dot.ted", "slash/ed"})
    void badNames(String name) {
        refused(() -> ServiceRules.serviceName(name), "Invalid service name");
    }

    @Test
    void daemonAndOtherControllersAndStrategiesAreRefusedWithWhatToUse() {
        ServiceRules.schedulingStrategy(null);
        ServiceRules.schedulingStrategy("REPLICA");
        refused(() -> ServiceRules.schedulingStrategy("DAEMON"), "Use REPLICA");
        refused(() -> ServiceRules.schedulingStrategy("SOMETIMES"), "Valid values are REPLICA and DAEMON");
        ServiceRules.deploymentController("ECS");
        refused(() -> ServiceRules.deploymentController("CODE_DEPLOY"), "Use deploymentController type ECS");
        refused(() -> ServiceRules.deploymentController("EXTERNAL"), "Use deploymentController type ECS");
        refused(() -> ServiceRules.deploymentController("MAGIC"), "Valid values are ECS, CODE_DEPLOY and EXTERNAL");
        assertThat(ServiceRules.strategy(null)).isEqualTo(DeploymentStrategy.ROLLING);
        assertThat(ServiceRules.strategy("ROLLING")).isEqualTo(DeploymentStrategy.ROLLING);
        assertThat(ServiceRules.strategy("BLUE_GREEN")).isEqualTo(DeploymentStrategy.BLUE_GREEN);
        assertThat(ServiceRules.strategy("LINEAR")).isEqualTo(DeploymentStrategy.LINEAR);
        assertThat(ServiceRules.strategy("CANARY")).isEqualTo(DeploymentStrategy.CANARY);
        refused(() -> ServiceRules.strategy("FAST"), "Valid values are ROLLING, BLUE_GREEN, LINEAR and CANARY");
    }

    @Test
    void strategyOptionsBelongToTheirStrategy() {
        DeploymentStrategy rolling = DeploymentStrategy.ROLLING;
        refused(
                () -> ServiceRules.strategyOptions(DeploymentStrategy.CANARY, rolling, true, false, false),
                "linearConfiguration is only valid with the LINEAR strategy");
        refused(
                () -> ServiceRules.strategyOptions(DeploymentStrategy.LINEAR, rolling, false, true, false),
                "canaryConfiguration is only valid with the CANARY strategy");
        refused(
                () -> ServiceRules.strategyOptions(DeploymentStrategy.BLUE_GREEN, rolling, false, false, false),
                "bakeTimeInMinutes is required with the BLUE_GREEN strategy");
        ServiceRules.strategyOptions(DeploymentStrategy.BLUE_GREEN, rolling, false, false, true);
        // already BLUE_GREEN: an update keeps the stored bake time
        ServiceRules.strategyOptions(DeploymentStrategy.BLUE_GREEN, DeploymentStrategy.BLUE_GREEN, false, false, false);
        ServiceRules.strategyOptions(DeploymentStrategy.LINEAR, rolling, true, false, false);
    }

    @Test
    void shiftPercentsMinutesAndHooks() {
        assertThat(ServiceRules.permille("canaryPercent", 2.5, "2.5", 1)).isEqualTo(25);
        assertThat(ServiceRules.permille("stepPercent", 100, "100", 30)).isEqualTo(1000);
        refused(() -> ServiceRules.permille("stepPercent", 2.9, "2.9", 30), "multiples of 0.1 from 3.0 to 100.0");
        refused(() -> ServiceRules.permille("canaryPercent", 0.05, "0.05", 1), "multiples of 0.1");
        refused(() -> ServiceRules.permille("canaryPercent", 100.1, "100.1", 1), "multiples of 0.1");
        refused(() -> ServiceRules.minutes("bakeTimeInMinutes", 1441), "0 to 1440 minutes");
        refused(
                () -> ServiceRules.shiftSettings(
                        DeploymentStrategy.ROLLING,
                        0,
                        100,
                        6,
                        50,
                        10,
                        List.of(new PauseHook(List.of(LifecycleStage.PRE_SCALE_UP), Optional.empty(), "ROLLBACK"))),
                "lifecycleHooks are run by the BLUE_GREEN, LINEAR and CANARY strategies");
        refused(
                () -> ServiceRules.shiftSettings(DeploymentStrategy.CANARY, 0, 100, 6, 50, -1, List.of()),
                "canaryConfiguration.canaryBakeTimeInMinutes is -1");
        assertThat(ServiceRules.shiftSettings(DeploymentStrategy.BLUE_GREEN, 5, 100, 6, 50, 10, List.of())
                        .bakeTimeInMinutes())
                .isEqualTo(5);
        refused(() -> ServiceRules.hookTargetType("AWS_LAMBDA"), "Use targetType PAUSE");
        refused(() -> ServiceRules.hookTargetType("SNS"), "Valid values are AWS_LAMBDA and PAUSE");
        ServiceRules.hookTargetType("PAUSE");
        assertThat(ServiceRules.pauseHook(List.of("POST_TEST_TRAFFIC_SHIFT"), Optional.of(5), "CONTINUE"))
                .isEqualTo(new PauseHook(List.of(LifecycleStage.POST_TEST_TRAFFIC_SHIFT), Optional.of(5), "CONTINUE"));
        refused(() -> ServiceRules.pauseHook(List.of(), Optional.empty(), "ROLLBACK"), "needs lifecycleStages");
        refused(
                () -> ServiceRules.pauseHook(List.of("RECONCILE_SERVICE"), Optional.empty(), "ROLLBACK"),
                "pause at PRE_SCALE_UP instead");
        refused(
                () -> ServiceRules.pauseHook(List.of("BAKE_TIME"), Optional.empty(), "ROLLBACK"),
                "Invalid lifecycle stage 'BAKE_TIME'");
        refused(() -> ServiceRules.pauseHook(List.of("PRE_SCALE_UP"), Optional.of(0), "ROLLBACK"), "at least 1");
        refused(
                () -> ServiceRules.pauseHook(List.of("PRE_SCALE_UP"), Optional.empty(), "WAIT"),
                "Valid values are ROLLBACK and CONTINUE");
    }

    @Test
    void advancedConfigurationFitsTheStrategy() {
        String rule = "arn:aws:elasticloadbalancing:us-east-1:000000000000:listener-rule/app/a/1/2/3";
        refused(
                () -> ServiceRules.advancedConfiguration("tg-a", "tg-a", rule, Optional.empty()),
                "must differ from targetGroupArn");
        refused(
                () -> ServiceRules.advancedConfiguration("tg-a", "tg-b", "arn:listener/app/a/1/2", Optional.empty()),
                "is not a listener rule ARN");
        refused(
                () -> ServiceRules.advancedConfiguration("tg-a", "tg-b", rule, Optional.of(rule)),
                "testListenerRule must differ from productionListenerRule");
        ServiceRules.advancedConfiguration("tg-a", "tg-b", rule, Optional.empty());
        ServiceLoadBalancer plain = new ServiceLoadBalancer("tg-a", "web", 80);
        ServiceLoadBalancer paired = new ServiceLoadBalancer(
                "tg-a",
                "web",
                80,
                Optional.of(new AdvancedConfiguration("tg-b", rule, Optional.empty(), Optional.empty())));
        DeploymentSettings canary = ServiceRules.deploymentSettings(
                100,
                200,
                false,
                false,
                ServiceRules.shiftSettings(DeploymentStrategy.CANARY, 0, 100, 6, 50, 10, List.of()));
        refused(
                () -> ServiceRules.loadBalancersFit(canary, List.of(plain)),
                "give loadBalancers[].advancedConfiguration");
        refused(
                () -> ServiceRules.loadBalancersFit(DeploymentSettings.DEFAULTS, List.of(paired)),
                "advancedConfiguration is used only by the BLUE_GREEN, LINEAR and CANARY strategies");
        ServiceRules.loadBalancersFit(canary, List.of(paired));
        ServiceRules.loadBalancersFit(DeploymentSettings.DEFAULTS, List.of(plain));
    }

    @Test
    void percentsAndCounts() {
        assertThat(ServiceRules.deploymentSettings(0, 100, true, false))
                .isEqualTo(new DeploymentSettings(0, 100, true, false));
        refused(() -> ServiceRules.deploymentSettings(101, 200, false, false), "between 0 and 100");
        refused(() -> ServiceRules.deploymentSettings(-1, 200, false, false), "between 0 and 100");
        refused(() -> ServiceRules.deploymentSettings(50, 99, false, false), "at least 100");
        refused(() -> ServiceRules.desiredCount(-1), "cannot be negative");
        refused(() -> ServiceRules.healthCheckGracePeriod(-5), "between 0 and 2147483647");
        refused(() -> ServiceRules.propagateTags("ALL"), "TASK_DEFINITION, SERVICE and NONE");
        refused(() -> ServiceRules.clientToken("x".repeat(37)), "1 to 36 characters");
        ServiceRules.clientToken(null);
        ServiceRules.propagateTags("SERVICE");
    }
}
