package dev.gantry.core.servicediscovery;

import static dev.gantry.core.servicediscovery.CloudMapError.invalid;

import java.util.List;
import java.util.Map;

/**
 * DiscoverInstances' selection, pure: the health filter (HEALTHY, UNHEALTHY, ALL, HEALTHY_OR_ELSE_ALL), the
 * QueryParameters every answer must match, the OptionalParameters answers are narrowed to when any match, and the
 * MaxResults bound. An UNKNOWN instance (service without health checking) counts as healthy.
 */
public final class Discovery {
    public static final int DEFAULT_MAX = 100;

    private Discovery() {}

    public static List<Instance> select(
            List<Instance> instances,
            String healthFilter,
            Map<String, String> query,
            Map<String, String> optional,
            int max) {
        List<Instance> byHealth = switch (healthFilter) {
            case "HEALTHY" ->
                instances.stream().filter(i -> i.health().servesTraffic()).toList();
            case "UNHEALTHY" ->
                instances.stream().filter(i -> !i.health().servesTraffic()).toList();
            case "ALL" -> instances;
            case "HEALTHY_OR_ELSE_ALL" -> {
                List<Instance> healthy = instances.stream()
                        .filter(i -> i.health().servesTraffic())
                        .toList();
                yield healthy.isEmpty() ? instances : healthy;
            }
            default ->
                throw invalid("HealthStatus '" + healthFilter
                        + "' is not valid; use HEALTHY, UNHEALTHY, ALL or HEALTHY_OR_ELSE_ALL.");
        };
        List<Instance> queried =
                byHealth.stream().filter(i -> matchesAll(i, query)).toList();
        if (!optional.isEmpty()) {
            List<Instance> narrowed =
                    queried.stream().filter(i -> matchesAll(i, optional)).toList();
            if (!narrowed.isEmpty()) {
                queried = narrowed;
            }
        }
        return queried.size() > max ? queried.subList(0, max) : queried;
    }

    private static boolean matchesAll(Instance i, Map<String, String> wanted) {
        return wanted.entrySet().stream()
                .allMatch(e -> e.getValue().equals(i.attributes().get(e.getKey())));
    }
}
