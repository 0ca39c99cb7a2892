package dev.gantry.api.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One authenticated call to authorize: who (the signing key and the ARN it acts as), the IAM action
 * ({@code ecs:RunTask}), the resources it targets, and the request's condition keys (global ones the codec knows,
 * such as {@code aws:SourceIp}, and the service's own, such as {@code ecs:cluster}).
 */
public record AccessCheck(
        String accessKeyId,
        String principalArn,
        String action,
        List<String> resources,
        Map<String, List<String>> conditionKeys) {

    public AccessCheck {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        resources = List.copyOf(resources);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        conditionKeys.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        conditionKeys = java.util.Collections.unmodifiableMap(copy);
    }
}
