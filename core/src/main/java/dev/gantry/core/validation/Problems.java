package dev.gantry.core.validation;

import dev.gantry.core.error.ApiException;

/** How task definition problems are worded, so every container message starts the way ECS starts it. */
final class Problems {
    private Problems() {}

    /** {@code ClientException: Invalid setting for container 'web'. <detail>} */
    static ApiException container(String containerName, String detail) {
        return ApiException.client("Invalid setting for container '" + containerName + "'. " + detail);
    }

    /** {@code ClientException: <detail>} for a task-level problem. */
    static ApiException task(String detail) {
        return ApiException.client(detail);
    }
}
