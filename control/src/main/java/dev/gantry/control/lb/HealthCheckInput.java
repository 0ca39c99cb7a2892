package dev.gantry.control.lb;

import java.util.Optional;

/** The health-check members of CreateTargetGroup or ModifyTargetGroup, each optional. */
public record HealthCheckInput(
        Optional<Boolean> enabled,
        Optional<String> protocol,
        Optional<String> port,
        Optional<String> path,
        Optional<Integer> intervalSeconds,
        Optional<Integer> timeoutSeconds,
        Optional<Integer> healthyThreshold,
        Optional<Integer> unhealthyThreshold,
        Optional<String> httpCode,
        Optional<String> grpcCode) {

    public static HealthCheckInput none() {
        Optional<Integer> n = Optional.empty();
        Optional<String> s = Optional.empty();
        return new HealthCheckInput(Optional.empty(), s, s, s, n, n, n, n, s, s);
    }
}
