package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.LbError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Load-balancer attributes: ELBv2's defaults for an ALB or an NLB, and the checks of a change. All are recorded
 * and given to the router; {@code deletion_protection.enabled} is enforced here. Logs to S3 cannot be turned on
 * (Gantry has no S3), and an ALB's cross-zone setting cannot be changed, as in ELBv2.
 */
public final class LoadBalancerAttributes {
    static final String UNKNOWN = "Load balancer attribute key '%s' is not recognized for a load balancer of type %s."
            + " Supported keys: %s.";
    static final String BAD_VALUE = "Load balancer attribute '%s' has the invalid value '%s': %s.";
    static final String S3 = "Gantry cannot write logs to S3: leave '%s' false.";
    static final String CROSS_ZONE = "Cross-zone load balancing is always on for an Application Load Balancer;"
            + " leave load_balancing.cross_zone.enabled true.";
    static final String PROTECTED = "Load balancer '%s' cannot be deleted because deletion protection is enabled;"
            + " set deletion_protection.enabled to false with ModifyLoadBalancerAttributes first.";

    private static final Map<String, String> COMMON = ordered(
            "access_logs.s3.bucket", "",
            "access_logs.s3.enabled", "false",
            "access_logs.s3.prefix", "",
            "deletion_protection.enabled", "false",
            "ipv6.deny_all_igw_traffic", "true",
            "zonal_shift.config.enabled", "false");
    private static final Map<String, String> ALB = merge(
            COMMON,
            ordered(
                    "client_keep_alive.seconds", "3600",
                    "connection_logs.s3.bucket", "",
                    "connection_logs.s3.enabled", "false",
                    "connection_logs.s3.prefix", "",
                    "health_check_logs.s3.bucket", "",
                    "health_check_logs.s3.enabled", "false",
                    "health_check_logs.s3.prefix", "",
                    "idle_timeout.timeout_seconds", "60",
                    "load_balancing.cross_zone.enabled", "true",
                    "routing.http.desync_mitigation_mode", "defensive",
                    "routing.http.drop_invalid_header_fields.enabled", "false",
                    "routing.http.preserve_host_header.enabled", "false",
                    "routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false",
                    "routing.http.xff_client_port.enabled", "false",
                    "routing.http.xff_header_processing.mode", "append",
                    "routing.http2.enabled", "true",
                    "waf.fail_open.enabled", "false"));
    private static final Map<String, String> NLB = merge(
            COMMON,
            ordered(
                    "dns_record.client_routing_policy", "any_availability_zone",
                    "load_balancing.cross_zone.enabled", "false",
                    "secondary_ips.auto_assigned.per_subnet", "0"));

    private LoadBalancerAttributes() {}

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new TreeMap<>(a);
        m.putAll(b);
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Map<String, String> defaults(boolean application, boolean internal) {
        Map<String, String> m = new TreeMap<>(application ? ALB : NLB);
        m.put("ipv6.deny_all_igw_traffic", String.valueOf(internal));
        return m;
    }

    /** {@code current} with {@code changes} applied, each key and value checked. */
    public static Map<String, String> apply(
            boolean application, Map<String, String> current, Map<String, String> changes) {
        Map<String, String> known = application ? ALB : NLB;
        Map<String, String> out = new TreeMap<>(current);
        changes.forEach((key, value) -> {
            if (!known.containsKey(key)) {
                throw LbFailures.validation(String.format(
                        UNKNOWN, key, application ? "application" : "network", String.join(", ", known.keySet())));
            }
            check(application, key, value);
            out.put(key, value);
        });
        return out;
    }

    private static void check(boolean application, String key, String value) {
        switch (key) {
            case "idle_timeout.timeout_seconds" -> range(key, value, 1, 4000);
            case "client_keep_alive.seconds" -> range(key, value, 60, 604_800);
            case "secondary_ips.auto_assigned.per_subnet" -> range(key, value, 0, 7);
            case "routing.http.desync_mitigation_mode" ->
                oneOf(key, value, Set.of("monitor", "defensive", "strictest"));
            case "routing.http.xff_header_processing.mode" -> oneOf(key, value, Set.of("append", "preserve", "remove"));
            case "dns_record.client_routing_policy" ->
                oneOf(
                        key,
                        value,
                        Set.of(
                                "availability_zone_affinity",
                                "partial_availability_zone_affinity",
                                "any_availability_zone"));
            case "access_logs.s3.enabled", "connection_logs.s3.enabled", "health_check_logs.s3.enabled" -> {
                oneOf(key, value, Set.of("true", "false"));
                if (value.equals("true")) {
                    throw new ApiException(LbError.INVALID_CONFIGURATION_REQUEST, String.format(S3, key));
                }
            }
            case "load_balancing.cross_zone.enabled" -> {
                oneOf(key, value, Set.of("true", "false"));
                if (application && value.equals("false")) {
                    throw new ApiException(LbError.INVALID_CONFIGURATION_REQUEST, CROSS_ZONE);
                }
            }
            default -> {
                if (key.endsWith(".enabled") || key.equals("ipv6.deny_all_igw_traffic")) {
                    oneOf(key, value, Set.of("true", "false"));
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
        throw LbFailures.validation(
                String.format(BAD_VALUE, key, value, "give a whole number from " + min + " to " + max));
    }

    private static void oneOf(String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw LbFailures.validation(
                    String.format(BAD_VALUE, key, value, "use one of " + String.join(", ", new TreeSet<>(allowed))));
        }
    }
}
