package dev.gantry.control.lb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Target-group attributes: ELBv2's defaults for an HTTP (ALB) or TCP (NLB) group, and the checks of a change.
 * Every attribute ELBv2 accepts for the group's kind is recorded; the router acts on
 * {@code deregistration_delay.timeout_seconds}, {@code slow_start.duration_seconds},
 * {@code load_balancing.algorithm.type} and {@code stickiness.*} as far as it implements them.
 */
public final class TargetGroupAttributes {
    static final String UNKNOWN = "Target group attribute key '%s' is not recognized for a target group with"
            + " protocol %s. Supported keys: %s.";
    static final String BAD_VALUE = "Target group attribute '%s' has the invalid value '%s': %s.";

    private static final Map<String, String> HTTP_DEFAULTS = ordered(
            "deregistration_delay.timeout_seconds", "300",
            "load_balancing.algorithm.anomaly_mitigation", "off",
            "load_balancing.algorithm.type", "round_robin",
            "load_balancing.cross_zone.enabled", "use_load_balancer_configuration",
            "slow_start.duration_seconds", "0",
            "stickiness.app_cookie.cookie_name", "",
            "stickiness.app_cookie.duration_seconds", "86400",
            "stickiness.enabled", "false",
            "stickiness.lb_cookie.duration_seconds", "86400",
            "stickiness.type", "lb_cookie",
            "target_group_health.dns_failover.minimum_healthy_targets.count", "1",
            "target_group_health.dns_failover.minimum_healthy_targets.percentage", "off",
            "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1",
            "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off");

    private static final Map<String, String> TCP_DEFAULTS = ordered(
            "deregistration_delay.connection_termination.enabled", "false",
            "deregistration_delay.timeout_seconds", "300",
            "load_balancing.cross_zone.enabled", "use_load_balancer_configuration",
            "preserve_client_ip.enabled", "false",
            "proxy_protocol_v2.enabled", "false",
            "stickiness.enabled", "false",
            "stickiness.type", "source_ip",
            "target_group_health.dns_failover.minimum_healthy_targets.count", "1",
            "target_group_health.dns_failover.minimum_healthy_targets.percentage", "off",
            "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1",
            "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off",
            "target_health_state.unhealthy.connection_termination.enabled", "true",
            "target_health_state.unhealthy.draining_interval_seconds", "0");

    private TargetGroupAttributes() {}

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Map<String, String> defaults(String protocol) {
        return protocol.equals("HTTP") ? HTTP_DEFAULTS : TCP_DEFAULTS;
    }

    /** {@code current} with {@code changes} applied, each key and value checked. */
    public static Map<String, String> apply(String protocol, Map<String, String> current, Map<String, String> changes) {
        Map<String, String> defaults = defaults(protocol);
        Map<String, String> out = new TreeMap<>(current);
        changes.forEach((key, value) -> {
            if (!defaults.containsKey(key)) {
                throw LbFailures.validation(
                        String.format(UNKNOWN, key, protocol, String.join(", ", defaults.keySet())));
            }
            check(protocol, key, value);
            out.put(key, value);
        });
        if (protocol.equals("HTTP")
                && "on".equals(out.get("load_balancing.algorithm.anomaly_mitigation"))
                && !"weighted_random".equals(out.get("load_balancing.algorithm.type"))) {
            throw LbFailures.validation(String.format(
                    BAD_VALUE,
                    "load_balancing.algorithm.anomaly_mitigation",
                    "on",
                    "anomaly mitigation needs load_balancing.algorithm.type weighted_random"));
        }
        return out;
    }

    private static void check(String protocol, String key, String value) {
        switch (key) {
            case "deregistration_delay.timeout_seconds" -> range(key, value, 0, 3600);
            case "slow_start.duration_seconds" -> {
                if (!value.equals("0")) {
                    range(key, value, 30, 900);
                }
            }
            case "stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.duration_seconds" ->
                range(key, value, 1, 604_800);
            case "target_health_state.unhealthy.draining_interval_seconds" -> range(key, value, 0, 360_000);
            case "stickiness.type" ->
                oneOf(key, value, protocol.equals("HTTP") ? Set.of("lb_cookie", "app_cookie") : Set.of("source_ip"));
            case "load_balancing.algorithm.type" ->
                oneOf(key, value, Set.of("round_robin", "least_outstanding_requests", "weighted_random"));
            case "load_balancing.algorithm.anomaly_mitigation" -> oneOf(key, value, Set.of("on", "off"));
            case "load_balancing.cross_zone.enabled" ->
                oneOf(key, value, Set.of("true", "false", "use_load_balancer_configuration"));
            case "stickiness.app_cookie.cookie_name" -> {
                if (value.startsWith("AWSALB")) {
                    throw LbFailures.validation(String.format(
                            BAD_VALUE,
                            key,
                            value,
                            "names starting AWSALB, AWSALBAPP and AWSALBTG are reserved for the load balancer"));
                }
            }
            default -> {
                if (key.endsWith(".enabled")) {
                    oneOf(key, value, Set.of("true", "false"));
                } else if (key.endsWith(".percentage")) {
                    if (!value.equals("off")) {
                        range(key, value, 1, 100);
                    }
                } else if (key.endsWith(".count")) {
                    range(key, value, 1, 1000);
                }
            }
        }
    }

    private static void range(String key, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LbFailures.validation(String.format(
                BAD_VALUE,
                key,
                value,
                "give a whole number from " + min + " to " + max
                        + (key.equals("slow_start.duration_seconds") ? ", or 0 to turn it off" : "")));
    }

    private static void oneOf(String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw LbFailures.validation(String.format(
                    BAD_VALUE, key, value, "use one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
        }
    }
}
