package dev.gantry.control.lb.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import dev.gantry.router.health.HealthReason;
import dev.gantry.router.table.Target;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The router's verdicts → DescribeTargetHealth's states and ELB reason codes, as a table. */
class HealthVerdictsTest {
    private static final Target T = new Target("10.0.0.5", 8080);

    private static dev.gantry.router.health.TargetHealth router(
            dev.gantry.router.health.TargetState state, HealthReason reason) {
        return new dev.gantry.router.health.TargetHealth(
                "tg",
                T,
                state,
                Optional.ofNullable(reason),
                Optional.ofNullable(reason).map(HealthReason::description));
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(
                        router(dev.gantry.router.health.TargetState.INITIAL, HealthReason.REGISTRATION_IN_PROGRESS),
                        Optional.of(TargetHealth.of(
                                TargetState.INITIAL,
                                "Elb.RegistrationInProgress",
                                "Target registration is in progress"))),
                Arguments.of(
                        router(dev.gantry.router.health.TargetState.INITIAL, HealthReason.INITIAL_HEALTH_CHECKING),
                        Optional.of(TargetHealth.of(
                                TargetState.INITIAL,
                                "Elb.InitialHealthChecking",
                                "Initial health checks in progress"))),
                Arguments.of(
                        router(dev.gantry.router.health.TargetState.HEALTHY, null),
                        Optional.of(TargetHealth.healthy())),
                Arguments.of(
                        router(dev.gantry.router.health.TargetState.UNHEALTHY, HealthReason.TIMEOUT),
                        Optional.of(TargetHealth.of(TargetState.UNHEALTHY, "Target.Timeout", "Request timed out"))),
                Arguments.of(
                        router(dev.gantry.router.health.TargetState.UNHEALTHY, HealthReason.FAILED_HEALTH_CHECKS),
                        Optional.of(TargetHealth.of(
                                TargetState.UNHEALTHY, "Target.FailedHealthChecks", "Health checks failed"))),
                Arguments.of(
                        new dev.gantry.router.health.TargetHealth(
                                "tg",
                                T,
                                dev.gantry.router.health.TargetState.UNHEALTHY,
                                Optional.of(HealthReason.RESPONSE_CODE_MISMATCH),
                                Optional.of("Health checks failed with these codes: [503]")),
                        Optional.of(TargetHealth.of(
                                TargetState.UNHEALTHY,
                                "Target.ResponseCodeMismatch",
                                "Health checks failed with these codes: [503]"))),
                Arguments.of(
                        router(dev.gantry.router.health.TargetState.DRAINING, HealthReason.DEREGISTRATION_IN_PROGRESS),
                        Optional.of(TargetHealth.of(
                                TargetState.DRAINING,
                                "Target.DeregistrationInProgress",
                                "Target deregistration is in progress"))),
                Arguments.of(
                        router(dev.gantry.router.health.TargetState.UNUSED, HealthReason.NOT_IN_USE),
                        Optional.of(TargetHealth.of(
                                TargetState.UNUSED,
                                "Target.NotInUse",
                                "Target group is not configured to receive traffic from the load balancer"))),
                Arguments.of(dev.gantry.router.health.TargetHealth.notRegistered("tg", T), Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("verdicts")
    void routerHealthBecomesElbHealth(dev.gantry.router.health.TargetHealth in, Optional<TargetHealth> expected) {
        assertThat(HealthVerdicts.of(in)).isEqualTo(expected);
    }
}
