package dev.gantry.core.iam.policy;

import java.util.Objects;

/**
 * One request to authorise: who ({@code principalArn}: an IAM user/role/root ARN, an STS assumed-role ARN, or for a
 * service principal its name such as {@code ecs-tasks.amazonaws.com}), what ({@code action}, {@code service:Name},
 * matched case-insensitively), on what ({@code resource}, an ARN or {@code "*"}), and the request's condition keys.
 */
public record AccessRequest(String principalArn, String action, String resource, ConditionContext context) {
    public AccessRequest {
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
    }

    /** Whether any value is longer than wildcard matching accepts: the evaluator denies such a request outright. */
    boolean oversized() {
        return principalArn.length() > Glob.MAX_TEXT
                || action.length() > Glob.MAX_TEXT
                || resource.length() > Glob.MAX_TEXT
                || context.oversized();
    }

    public AccessRequest(String principalArn, String action, String resource) {
        this(principalArn, action, resource, ConditionContext.empty());
    }
}
