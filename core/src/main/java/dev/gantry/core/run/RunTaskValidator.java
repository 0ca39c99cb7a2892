package dev.gantry.core.run;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.validation.Names;
import dev.gantry.core.validation.TagValidator;
import java.util.List;

/**
 * Validates a RunTask request. {@link #validateRequest} needs only the request and runs before the task
 * definition is looked up; {@link #validateOverrides} checks the overrides against the resolved definition.
 * Request problems are {@code InvalidParameterException}s, as ECS reports them; an override that leaves no valid
 * Fargate size is a {@code ClientException}, as at registration.
 */
public final class RunTaskValidator {
    public static final int MAX_COUNT = 10;
    public static final List<String> PLATFORM_VERSIONS = List.of("LATEST", "1.4.0", "1.3.0");
    public static final List<String> PROPAGATE_TAGS = List.of("TASK_DEFINITION", "SERVICE", "NONE");
    public static final int MAX_CLIENT_TOKEN = 64;

    private RunTaskValidator() {}

    /** Both checks, in order. */
    public static void validate(RunTaskRequest request, TaskDefinition definition) {
        validateRequest(request);
        validateOverrides(definition, request.overrides());
    }

    /** The checks that need only the request. */
    public static void validateRequest(RunTaskRequest request) {
        if (request.taskDefinition() == null || request.taskDefinition().isBlank()) {
            throw ApiException.invalidParameter("taskDefinition is required: give a family (latest ACTIVE "
                    + "revision), family:revision or a task definition ARN.");
        }
        int count = request.countOrDefault();
        if (count < 1 || count > MAX_COUNT) {
            throw ApiException.invalidParameter("count is " + count + "; RunTask starts between 1 and " + MAX_COUNT
                    + " tasks per call. Call RunTask again, or create a service, to run more.");
        }
        CapacityRules.validate(request.launchType(), request.capacityProviderStrategy());
        NetworkRules.validate(request.networkConfiguration());
        platformVersion(request.platformVersion());
        propagateTags(request.propagateTags());
        Names.startedBy(request.startedBy());
        Names.group(request.group());
        TagValidator.validate(request.tags());
        clientToken(request.clientToken());
    }

    /** Overrides against the definition they apply to; a null {@code overrides} passes. */
    public static void validateOverrides(TaskDefinition definition, TaskOverride overrides) {
        OverrideRules.validate(definition, overrides);
    }

    private static void platformVersion(String version) {
        if (version != null && !PLATFORM_VERSIONS.contains(version)) {
            throw ApiException.invalidParameter("Platform version '" + version + "' is not supported. Use "
                    + String.join(", ", PLATFORM_VERSIONS) + " or omit platformVersion (LATEST).");
        }
    }

    private static void propagateTags(String propagate) {
        if (propagate == null) {
            return;
        }
        if (propagate.equals("SERVICE")) {
            throw ApiException.invalidParameter("propagateTags SERVICE is only valid for tasks started by a service. "
                    + "For RunTask use TASK_DEFINITION or NONE.");
        }
        if (!PROPAGATE_TAGS.contains(propagate)) {
            throw ApiException.invalidParameter(
                    "Invalid propagateTags '" + propagate + "'. For RunTask use " + "TASK_DEFINITION or NONE.");
        }
    }

    private static void clientToken(String token) {
        if (token == null) {
            return;
        }
        boolean printable = token.chars().allMatch(ch -> ch >= 33 && ch <= 126);
        if (token.isEmpty() || token.length() > MAX_CLIENT_TOKEN || !printable) {
            throw ApiException.invalidParameter("Invalid clientToken: it must be 1 to " + MAX_CLIENT_TOKEN
                    + " printable ASCII characters (codes 33-126, so no spaces).");
        }
    }
}
