package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.LbError;

/** ELBv2's errors with messages that say what to change; one place, so the wording stays consistent. */
public final class LbFailures {
    static final String LB_NOT_FOUND =
            "One or more load balancers not found: '%s'. Check the ARN or name with" + " DescribeLoadBalancers.";
    static final String TG_NOT_FOUND =
            "One or more target groups not found: '%s'. Check the ARN or name with" + " DescribeTargetGroups.";
    static final String LISTENER_NOT_FOUND =
            "One or more listeners not found: '%s'. Check the ARN with" + " DescribeListeners.";
    static final String RULE_NOT_FOUND = "One or more rules not found: '%s'. Check the ARN with DescribeRules.";

    private LbFailures() {}

    public static ApiException validation(String message) {
        return ApiException.invalidParameter(message);
    }

    public static ApiException of(LbError kind, String message) {
        return new ApiException(kind, message);
    }

    public static ApiException loadBalancerNotFound(String ref) {
        return of(LbError.LOAD_BALANCER_NOT_FOUND, String.format(LB_NOT_FOUND, ref));
    }

    public static ApiException targetGroupNotFound(String ref) {
        return of(LbError.TARGET_GROUP_NOT_FOUND, String.format(TG_NOT_FOUND, ref));
    }

    public static ApiException listenerNotFound(String ref) {
        return of(LbError.LISTENER_NOT_FOUND, String.format(LISTENER_NOT_FOUND, ref));
    }

    public static ApiException ruleNotFound(String ref) {
        return of(LbError.RULE_NOT_FOUND, String.format(RULE_NOT_FOUND, ref));
    }
}
