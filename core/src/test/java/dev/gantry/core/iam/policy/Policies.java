package dev.gantry.core.iam.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: compact policies, contexts written as {@code key=v1,v2;key2=v}, and requests. */
final class Policies {
    static final String ALICE = "arn:aws:iam::123456789012:user/alice";

    private Policies() {}

    /** A 2012-10-17 identity policy allowing everything under {@code condition} (a Condition block's JSON). */
    static PolicyDocument allowAllIf(String condition) {
        return PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": %s}}""".formatted(condition));
    }

    static PolicyDocument policy(String statements) {
        return PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": " + statements + "}");
    }

    /** {@code key=v1,v2;key2=v}; {@code key=} gives the key no values; null or blank is the empty context. */
    static ConditionContext context(String spec) {
        ConditionContext context = ConditionContext.empty();
        if (spec == null || spec.isBlank()) {
            return context;
        }
        for (String entry : spec.split(";")) {
            int eq = entry.indexOf('=');
            String key = entry.substring(0, eq).strip();
            String values = entry.substring(eq + 1).strip();
            List<String> list = values.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(values.split(",")));
            context = context.with(key, list);
        }
        return context;
    }

    static AccessRequest request(String action, String resource, String contextSpec) {
        return new AccessRequest(ALICE, action, resource, context(contextSpec));
    }

    static Decision decide(PolicyDocument policy, String action, String resource, String contextSpec) {
        return PolicyEvaluator.evaluate(List.of(policy), request(action, resource, contextSpec))
                .decision();
    }
}
