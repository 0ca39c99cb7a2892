package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.core.lb.WeightedTargetGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules of a listener's or rule's actions on one load balancer: one terminal action (authenticate actions
 * are not supported), forward to at most 5 existing target groups of the load balancer's protocol family that no
 * other load balancer uses, fixed-response and redirect on an ALB only.
 */
public final class ActionRules {
    static final int MAX_GROUPS = 5;
    private static final Pattern STATUS = Pattern.compile("[245]\\d\\d");
    private static final Set<String> CONTENT_TYPES =
            Set.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");

    static final String ONE_ACTION = "Give exactly one action of type forward, fixed-response or redirect"
            + " (authenticate actions are not supported by Gantry, so there is nothing to chain).";
    static final String NO_ACTION =
            "At least one action is required: give one of type forward, fixed-response or" + " redirect.";
    static final String TOO_MANY_GROUPS =
            "A forward action can name at most " + MAX_GROUPS + " target groups; it" + " names %d.";
    static final String DUPLICATE_GROUP = "Target group '%s' appears more than once in the forward action; name each"
            + " group once and give it a weight.";
    static final String NLB_ONE_GROUP = "A Network Load Balancer forwards to exactly one target group; give one.";
    static final String NLB_ACTION = "A Network Load Balancer supports only forward actions, not %s.";
    static final String WRONG_FAMILY = "Target group '%s' has protocol %s, which a listener of a %s load balancer"
            + " cannot forward to: use a target group with protocol %s.";
    static final String OTHER_LB = "The following target groups cannot be associated with more than one load"
            + " balancer: %s (already used by %s). Create another target group for this load balancer.";
    static final String STATUS_CODE = "Fixed-response status code '%s' is not valid; give a 2XX, 4XX or 5XX code.";
    static final String CONTENT_TYPE = "Fixed-response content type '%s' is not valid; use one of text/plain,"
            + " text/css, text/html, application/javascript or application/json.";
    static final String BODY = "A fixed-response message body can have at most 1024 characters.";
    static final String REDIRECT_PORT = "Redirect port '%s' is not valid; give a port from 1 to 65535 or #{port}.";
    static final String REDIRECT_PROTOCOL = "Redirect protocol '%s' is not valid; use HTTP, HTTPS or #{protocol}.";
    static final String REDIRECT_PATH = "Redirect path '%s' is not valid; it must start with '/'.";
    static final String STICKINESS = "Target group stickiness duration must be from 1 to 604800 seconds; it is %d.";

    private ActionRules() {}

    /**
     * Checks {@code actions} for a listener or rule of {@code lb}. {@code groups} finds a target group, and
     * {@code usedBy} names the load balancers already forwarding to one.
     */
    public static void check(
            List<Action> actions,
            LoadBalancer lb,
            Function<String, Optional<TargetGroup>> groups,
            Function<String, List<String>> usedBy) {
        if (actions.isEmpty()) {
            throw LbFailures.validation(NO_ACTION);
        }
        if (actions.size() > 1) {
            throw new ApiException(LbError.TOO_MANY_ACTIONS, ONE_ACTION);
        }
        Action a = actions.getFirst();
        if (!lb.isApplication() && !a.type().equals(Action.FORWARD)) {
            throw new ApiException(LbError.INVALID_LOAD_BALANCER_ACTION, String.format(NLB_ACTION, a.type()));
        }
        switch (a.type()) {
            case Action.FORWARD -> forward(a, lb, groups, usedBy);
            case Action.FIXED_RESPONSE -> fixedResponse(a.fixedResponse().orElseThrow());
            case Action.REDIRECT -> redirect(a.redirect().orElseThrow());
            default -> throw LbFailures.validation(ONE_ACTION);
        }
    }

    private static void forward(
            Action a,
            LoadBalancer lb,
            Function<String, Optional<TargetGroup>> groups,
            Function<String, List<String>> usedBy) {
        List<WeightedTargetGroup> named = a.targetGroups();
        if (named.size() > MAX_GROUPS) {
            throw LbFailures.validation(String.format(TOO_MANY_GROUPS, named.size()));
        }
        if (!lb.isApplication() && named.size() > 1) {
            throw LbFailures.validation(NLB_ONE_GROUP);
        }
        a.stickinessSeconds().filter(s -> s < 1 || s > 604_800).ifPresent(s -> {
            throw LbFailures.validation(String.format(STICKINESS, s));
        });
        Set<String> seen = new HashSet<>();
        for (WeightedTargetGroup w : named) {
            if (!seen.add(w.targetGroupArn())) {
                throw LbFailures.validation(String.format(DUPLICATE_GROUP, w.targetGroupArn()));
            }
            TargetGroup g = groups.apply(w.targetGroupArn())
                    .orElseThrow(() -> LbFailures.targetGroupNotFound(w.targetGroupArn()));
            boolean fits = lb.isApplication()
                    ? g.protocol().equals("HTTP")
                    : g.protocol().equals("TCP");
            if (!fits) {
                throw new ApiException(
                        LbError.INCOMPATIBLE_PROTOCOLS,
                        String.format(
                                WRONG_FAMILY, g.arn(), g.protocol(), lb.type(), lb.isApplication() ? "HTTP" : "TCP"));
            }
            List<String> others = usedBy.apply(g.arn()).stream()
                    .filter(other -> !other.equals(lb.arn()))
                    .toList();
            if (!others.isEmpty()) {
                throw new ApiException(
                        LbError.TARGET_GROUP_ASSOCIATION_LIMIT,
                        String.format(OTHER_LB, g.arn(), String.join(", ", others)));
            }
        }
    }

    private static void fixedResponse(Action.FixedResponse f) {
        if (!STATUS.matcher(f.statusCode()).matches()) {
            throw LbFailures.validation(String.format(STATUS_CODE, f.statusCode()));
        }
        f.contentType().filter(t -> !CONTENT_TYPES.contains(t)).ifPresent(t -> {
            throw LbFailures.validation(String.format(CONTENT_TYPE, t));
        });
        if (f.messageBody().map(String::length).orElse(0) > 1024) {
            throw LbFailures.validation(BODY);
        }
    }

    private static void redirect(Action.Redirect r) {
        if (!Set.of("HTTP", "HTTPS", "#{protocol}").contains(r.protocol())) {
            throw LbFailures.validation(String.format(REDIRECT_PROTOCOL, r.protocol()));
        }
        if (!r.port().equals("#{port}")) {
            try {
                int p = Integer.parseInt(r.port());
                if (p < 1 || p > 65_535) {
                    throw LbFailures.validation(String.format(REDIRECT_PORT, r.port()));
                }
            } catch (NumberFormatException e) {
                throw LbFailures.validation(String.format(REDIRECT_PORT, r.port()));
            }
        }
        if (!r.path().startsWith("/")) {
            throw LbFailures.validation(String.format(REDIRECT_PATH, r.path()));
        }
    }
}
