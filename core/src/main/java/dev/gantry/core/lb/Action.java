package dev.gantry.core.lb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A listener's or rule's action, in ELBv2's shape: {@code forward} (to one or more weighted target groups, with
 * optional group stickiness), {@code fixed-response} or {@code redirect}. Exactly the config of its type is
 * present. A {@code forward} given as a bare {@code TargetGroupArn} is kept as one group of weight 1.
 */
public record Action(
        String type,
        int order,
        List<WeightedTargetGroup> targetGroups,
        Optional<Integer> stickinessSeconds,
        Optional<FixedResponse> fixedResponse,
        Optional<Redirect> redirect) {
    public static final String FORWARD = "forward";
    public static final String FIXED_RESPONSE = "fixed-response";
    public static final String REDIRECT = "redirect";

    public Action {
        Objects.requireNonNull(type, "type");
        targetGroups = List.copyOf(targetGroups);
        Objects.requireNonNull(stickinessSeconds, "stickinessSeconds");
        Objects.requireNonNull(fixedResponse, "fixedResponse");
        Objects.requireNonNull(redirect, "redirect");
        boolean ok = switch (type) {
            case FORWARD -> !targetGroups.isEmpty() && fixedResponse.isEmpty() && redirect.isEmpty();
            case FIXED_RESPONSE -> targetGroups.isEmpty() && fixedResponse.isPresent() && redirect.isEmpty();
            case REDIRECT -> targetGroups.isEmpty() && fixedResponse.isEmpty() && redirect.isPresent();
            default -> false;
        };
        if (!ok) {
            throw new IllegalArgumentException("an action of type " + type + " carries exactly its own config");
        }
    }

    public static Action forward(int order, List<WeightedTargetGroup> groups, Optional<Integer> stickinessSeconds) {
        return new Action(FORWARD, order, groups, stickinessSeconds, Optional.empty(), Optional.empty());
    }

    /** {@code fixed-response}: a status code (2XX, 4XX or 5XX), optional content type and body. */
    public record FixedResponse(String statusCode, Optional<String> contentType, Optional<String> messageBody) {
        public FixedResponse {
            Objects.requireNonNull(statusCode, "statusCode");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(messageBody, "messageBody");
        }
    }

    /**
     * {@code redirect}: each part defaults to the request's ({@code #{protocol}}, {@code #{host}}, {@code #{port}},
     * {@code /#{path}}, {@code #{query}}); {@code statusCode} {@code HTTP_301} or {@code HTTP_302}.
     */
    public record Redirect(String protocol, String port, String host, String path, String query, String statusCode) {
        public Redirect {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(statusCode, "statusCode");
        }
    }
}
