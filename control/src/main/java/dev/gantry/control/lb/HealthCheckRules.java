package dev.gantry.control.lb;

import dev.gantry.core.lb.HealthCheck;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A target group's health check from ELBv2's defaults and the request: HTTP groups check over HTTP (path
 * {@code /}, matcher {@code 200}, timeout 6 s), TCP groups over TCP (timeout 10 s; an HTTP check is allowed, with
 * matcher {@code 200-399}); interval 30 s, healthy 5, unhealthy 2. The ranges of numbers are the model's (checked
 * by the codec); the rules between members are checked here.
 */
public final class HealthCheckRules {
    private static final Pattern CODES = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");
    private static final Pattern GRPC_CODES = Pattern.compile("\\d{1,2}(-\\d{1,2})?(,\\d{1,2}(-\\d{1,2})?)*");

    static final String HTTPS_CHECK = "Health checks over HTTPS are not supported by Gantry (no certificates);"
            + " use HealthCheckProtocol HTTP or TCP.";
    static final String TCP_FOR_HTTP =
            "Health check protocol TCP is not supported for target groups with protocol" + " HTTP; use HTTP.";
    static final String BAD_PROTOCOL = "Health check protocol '%s' is not supported; use HTTP or TCP.";
    static final String BAD_PORT = "Health check port '%s' is not valid; use 'traffic-port' or a port from 1 to 65535.";
    static final String PATH_FOR_TCP = "A health check path cannot be set for health checks with protocol TCP;"
            + " leave HealthCheckPath out or use HealthCheckProtocol HTTP.";
    static final String MATCHER_FOR_TCP = "A matcher cannot be set for health checks with protocol TCP; leave"
            + " Matcher out or use HealthCheckProtocol HTTP.";
    static final String BAD_PATH =
            "Health check path '%s' is not valid; give a path of 1-1024 characters starting" + " with '/'.";
    static final String TIMEOUT = "Health check timeout (%d s) must be smaller than the interval (%d s).";
    static final String BAD_MATCHER = "Matcher HttpCode '%s' is not valid; give codes from %d to %d as a single code"
            + " (200), a list (200,202) or a range (200-299).";
    static final String BAD_GRPC = "Matcher GrpcCode '%s' is not valid; give codes from 0 to 99 as a single code"
            + " (12), a list (0,12) or a range (0-99).";
    static final String GRPC_ONLY =
            "Matcher GrpcCode applies to target groups with ProtocolVersion GRPC; use" + " HttpCode.";
    static final String HTTP_ON_GRPC =
            "Matcher HttpCode does not apply to target groups with ProtocolVersion" + " GRPC; use GrpcCode.";

    private HealthCheckRules() {}

    /** The health check of a new target group of {@code groupProtocol} (HTTP or TCP). */
    public static HealthCheck create(String groupProtocol, Optional<String> protocolVersion, HealthCheckInput in) {
        boolean httpGroup = groupProtocol.equals("HTTP");
        String protocol = in.protocol().orElse(httpGroup ? "HTTP" : "TCP");
        HealthCheck base = new HealthCheck(
                true,
                protocol,
                HealthCheck.TRAFFIC_PORT,
                Optional.empty(),
                30,
                httpGroup ? 6 : 10,
                5,
                2,
                Optional.empty());
        return apply(base, groupProtocol, protocolVersion, in, true);
    }

    /** The health check after ModifyTargetGroup: the members given replace the current ones. */
    public static HealthCheck modify(
            HealthCheck current, String groupProtocol, Optional<String> protocolVersion, HealthCheckInput in) {
        return apply(current, groupProtocol, protocolVersion, in, false);
    }

    private static HealthCheck apply(
            HealthCheck base,
            String groupProtocol,
            Optional<String> protocolVersion,
            HealthCheckInput in,
            boolean fresh) {
        String protocol = in.protocol().orElse(base.protocol());
        switch (protocol) {
            case "HTTP" -> {}
            case "TCP" -> {
                if (groupProtocol.equals("HTTP")) {
                    throw LbFailures.validation(TCP_FOR_HTTP);
                }
            }
            case "HTTPS" -> throw LbFailures.validation(HTTPS_CHECK);
            default -> throw LbFailures.validation(String.format(BAD_PROTOCOL, protocol));
        }
        boolean http = protocol.equals("HTTP");
        String port = in.port().orElse(base.port());
        if (!port.equals(HealthCheck.TRAFFIC_PORT)) {
            try {
                int p = Integer.parseInt(port);
                if (p < 1 || p > 65_535) {
                    throw LbFailures.validation(String.format(BAD_PORT, port));
                }
            } catch (NumberFormatException e) {
                throw LbFailures.validation(String.format(BAD_PORT, port));
            }
        }
        if (!http && in.path().isPresent()) {
            throw LbFailures.validation(PATH_FOR_TCP);
        }
        if (!http && (in.httpCode().isPresent() || in.grpcCode().isPresent())) {
            throw LbFailures.validation(MATCHER_FOR_TCP);
        }
        in.path().filter(p -> !p.startsWith("/") || p.length() > 1024).ifPresent(p -> {
            throw LbFailures.validation(String.format(BAD_PATH, p));
        });
        boolean grpc = protocolVersion.filter("GRPC"::equals).isPresent();
        Optional<String> path = http
                ? in.path().or(() -> base.path()).or(() -> Optional.of(grpc ? "/AWS.ALB/healthcheck" : "/"))
                : Optional.empty();
        Optional<String> matcher = http ? matcher(base, groupProtocol, grpc, in) : Optional.empty();
        int interval = in.intervalSeconds().orElse(base.intervalSeconds());
        int timeout = in.timeoutSeconds().orElse(base.timeoutSeconds());
        if (timeout >= interval) {
            throw LbFailures.validation(String.format(TIMEOUT, timeout, interval));
        }
        return new HealthCheck(
                in.enabled().orElse(base.enabled()),
                protocol,
                port,
                path,
                interval,
                timeout,
                in.healthyThreshold().orElse(base.healthyThreshold()),
                in.unhealthyThreshold().orElse(base.unhealthyThreshold()),
                matcher);
    }

    private static Optional<String> matcher(HealthCheck base, String groupProtocol, boolean grpc, HealthCheckInput in) {
        if (grpc) {
            if (in.httpCode().isPresent()) {
                throw LbFailures.validation(HTTP_ON_GRPC);
            }
            String code = in.grpcCode().or(base::matcher).orElse("12");
            if (!GRPC_CODES.matcher(code).matches()) {
                throw LbFailures.validation(String.format(BAD_GRPC, code));
            }
            return Optional.of(code);
        }
        if (in.grpcCode().isPresent()) {
            throw LbFailures.validation(GRPC_ONLY);
        }
        boolean alb = groupProtocol.equals("HTTP");
        int max = alb ? 499 : 599;
        String code = in.httpCode().or(base::matcher).orElse(alb ? "200" : "200-399");
        if (!CODES.matcher(code).matches()) {
            throw LbFailures.validation(String.format(BAD_MATCHER, code, 200, max));
        }
        for (String part : code.split("[,-]")) {
            int c = Integer.parseInt(part);
            if (c < 200 || c > max) {
                throw LbFailures.validation(String.format(BAD_MATCHER, code, 200, max));
            }
        }
        return Optional.of(code);
    }
}
