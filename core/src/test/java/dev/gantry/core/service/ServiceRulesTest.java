package dev.gantry.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
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
        ServiceRules.strategy(null);
        ServiceRules.strategy("ROLLING");
        refused(() -> ServiceRules.strategy("CANARY"), "Use ROLLING");
        refused(() -> ServiceRules.strategy("FAST"), "Valid values are ROLLING, BLUE_GREEN, LINEAR and CANARY");
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
