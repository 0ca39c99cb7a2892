package dev.gantry.router.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.table.HealthCheck;
import dev.gantry.router.table.TargetProtocol;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The health state machine as a table: a start, a run of events, the state and reason that must follow. */
class HealthMachineTest {
    private static final HealthCheck CHECK =
            HealthCheck.defaults(TargetProtocol.HTTP).withTiming(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, 2);

    private static final ProbeResult P = ProbeResult.passed(200);
    private static final ProbeResult CODE = ProbeResult.wrongStatus(500);
    private static final ProbeResult TIME = ProbeResult.TIMEOUT;
    private static final ProbeResult FAIL = ProbeResult.FAILURE;

    /** Events: a ProbeResult, or one of the strings "deregister", "unuse", "use". */
    static Stream<Arguments> table() {
        return Stream.of(
                row("registered in use", true, List.of(), TargetState.INITIAL, HealthReason.REGISTRATION_IN_PROGRESS),
                row("registered unused", false, List.of(), TargetState.UNUSED, HealthReason.NOT_IN_USE),
                row("one pass: checking", true, List.of(P), TargetState.INITIAL, HealthReason.INITIAL_HEALTH_CHECKING),
                row(
                        "two passes: still checking",
                        true,
                        List.of(P, P),
                        TargetState.INITIAL,
                        HealthReason.INITIAL_HEALTH_CHECKING),
                row("healthy threshold (3)", true, List.of(P, P, P), TargetState.HEALTHY, null),
                row(
                        "pass, fail, pass, pass: run broken",
                        true,
                        List.of(P, CODE, P, P),
                        TargetState.INITIAL,
                        HealthReason.INITIAL_HEALTH_CHECKING),
                row(
                        "unhealthy threshold (2) from initial",
                        true,
                        List.of(CODE, CODE),
                        TargetState.UNHEALTHY,
                        HealthReason.RESPONSE_CODE_MISMATCH),
                row("healthy, one failure: still healthy", true, List.of(P, P, P, TIME), TargetState.HEALTHY, null),
                row(
                        "healthy, two timeouts",
                        true,
                        List.of(P, P, P, TIME, TIME),
                        TargetState.UNHEALTHY,
                        HealthReason.TIMEOUT),
                row(
                        "connection failures",
                        true,
                        List.of(FAIL, FAIL),
                        TargetState.UNHEALTHY,
                        HealthReason.FAILED_HEALTH_CHECKS),
                row(
                        "unhealthy, two passes: still unhealthy",
                        true,
                        List.of(CODE, CODE, P, P),
                        TargetState.UNHEALTHY,
                        HealthReason.RESPONSE_CODE_MISMATCH),
                row("unhealthy, three passes: healthy", true, List.of(CODE, CODE, P, P, P), TargetState.HEALTHY, null),
                row(
                        "unhealthy, reason follows the last failure",
                        true,
                        List.of(CODE, CODE, TIME),
                        TargetState.UNHEALTHY,
                        HealthReason.TIMEOUT),
                row(
                        "deregistered",
                        true,
                        List.of(P, P, P, "deregister"),
                        TargetState.DRAINING,
                        HealthReason.DEREGISTRATION_IN_PROGRESS),
                row(
                        "draining ignores late probes",
                        true,
                        List.of("deregister", P, P, P),
                        TargetState.DRAINING,
                        HealthReason.DEREGISTRATION_IN_PROGRESS),
                row(
                        "group leaves its listeners",
                        true,
                        List.of(P, P, P, "unuse"),
                        TargetState.UNUSED,
                        HealthReason.NOT_IN_USE),
                row("unused ignores probes", false, List.of(P, P, P), TargetState.UNUSED, HealthReason.NOT_IN_USE),
                row(
                        "group back on a listener: starts over",
                        true,
                        List.of(P, P, P, "unuse", "use", P),
                        TargetState.INITIAL,
                        HealthReason.INITIAL_HEALTH_CHECKING),
                row(
                        "draining stays draining when unused",
                        true,
                        List.of("deregister", "unuse"),
                        TargetState.DRAINING,
                        HealthReason.DEREGISTRATION_IN_PROGRESS));
    }

    private static Arguments row(
            String name, boolean inUse, List<Object> events, TargetState state, HealthReason reason) {
        return Arguments.of(name, inUse, events, state, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void transitions(String name, boolean inUse, List<Object> events, TargetState state, HealthReason reason) {
        HealthStatus s = HealthMachine.registered(inUse);
        for (Object e : events) {
            s = switch (e) {
                case ProbeResult r -> HealthMachine.probed(s, r, CHECK);
                case String op when op.equals("deregister") -> HealthMachine.deregistered(s);
                case String op when op.equals("unuse") -> HealthMachine.inUse(s, false);
                case String op when op.equals("use") -> HealthMachine.inUse(s, true);
                default -> throw new IllegalArgumentException(String.valueOf(e));
            };
        }
        assertThat(s.state()).isEqualTo(state);
        assertThat(s.reason().orElse(null)).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void healthyHasNoReasonAndOthersDo(
            String name, boolean inUse, List<Object> events, TargetState state, HealthReason reason) {
        assertThat(reason == null).isEqualTo(state == TargetState.HEALTHY);
    }
}
